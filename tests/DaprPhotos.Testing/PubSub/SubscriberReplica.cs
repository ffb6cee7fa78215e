using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// One sidecar's subscriptions on one pub/sub component: the app's, delivered over HTTP, or one
/// of daprd's own (an outbox relay), handled inside the sidecar.
/// </summary>
internal sealed class SubscriberReplica(
    TestSidecar sidecar,
    IReadOnlyList<SubscriptionSpec> subscriptions,
    Func<BrokerMessage, CancellationToken, Task<bool>>? internalHandler = null)
{
    public TestSidecar Sidecar { get; } = sidecar;

    /// <summary>Set for daprd's own subscriptions: true acknowledges, false hands the message back.</summary>
    public Func<BrokerMessage, CancellationToken, Task<bool>>? InternalHandler { get; } = internalHandler;

    public IEnumerable<string> Topics => subscriptions.Select(subscription => subscription.Topic);

    public SubscriptionSpec? For(string topic) =>
        subscriptions.FirstOrDefault(subscription => subscription.Topic == topic);
}
