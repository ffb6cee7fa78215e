using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Outbox;

/// <summary>
/// A state component's transactional outbox, as daprd reads it from the component metadata:
/// both <c>outboxPublishPubsub</c> and <c>outboxPublishTopic</c> must be set; <c>outboxPubsub</c>
/// (the component carrying the internal topic) defaults to the publish pub/sub.
/// </summary>
internal sealed record OutboxSettings(
    string PublishPubSub, string PublishTopic, string OutboxPubSub, bool DiscardWhenMissingState)
{
    public static OutboxSettings? For(ComponentSpec store)
    {
        var publishPubSub = store.GetMetadata("outboxPublishPubsub");
        var publishTopic = store.GetMetadata("outboxPublishTopic");
        if (string.IsNullOrEmpty(publishPubSub) || string.IsNullOrEmpty(publishTopic))
        {
            return null;
        }

        var outboxPubSub = store.GetMetadata("outboxPubsub");
        return new OutboxSettings(
            publishPubSub,
            publishTopic,
            string.IsNullOrEmpty(outboxPubSub) ? publishPubSub : outboxPubSub,
            store.GetMetadata("outboxDiscardWhenMissingState") is "true" or "True" or "1" or "yes" or "on");
    }

    /// <summary>daprd's internal topic: namespace, app id and topic run together, then "outbox".</summary>
    public string InternalTopic(string appId, string? @namespace) =>
        $"{@namespace}{appId}{PublishTopic}outbox";
}
