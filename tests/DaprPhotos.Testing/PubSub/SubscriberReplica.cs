using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

/// <summary>One sidecar's subscriptions on one pub/sub component.</summary>
internal sealed class SubscriberReplica(TestSidecar sidecar, IReadOnlyList<SubscriptionSpec> subscriptions)
{
    public TestSidecar Sidecar { get; } = sidecar;

    public IEnumerable<string> Topics => subscriptions.Select(subscription => subscription.Topic);

    public SubscriptionSpec? For(string topic) =>
        subscriptions.FirstOrDefault(subscription => subscription.Topic == topic);
}
