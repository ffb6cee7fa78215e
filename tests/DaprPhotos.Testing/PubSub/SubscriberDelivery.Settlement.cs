using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

// How a delivery ends: acknowledged, dropped, dead-lettered or handed back to the component,
// each recorded as a settlement.
internal sealed partial class SubscriberDelivery
{
    private SettleReason Fail(SubscriberReplica replica, SubscriptionSpec subscription) =>
        subscription.DeadLetterTopic is { } deadLetter && TrySendToDeadLetter(replica, deadLetter)
            ? Settle(replica, SettleReason.DeadLettered)
            : Settle(replica, SettleReason.ReturnedToBroker);

    private SettleReason Drop(SubscriberReplica replica, SubscriptionSpec subscription) =>
        subscription.DeadLetterTopic is { } deadLetter && TrySendToDeadLetter(replica, deadLetter)
            ? Settle(replica, SettleReason.DeadLettered)
            : Settle(replica, SettleReason.Dropped);

    // daprd republishes the original bytes and metadata on the same component.
    private bool TrySendToDeadLetter(SubscriberReplica replica, string deadLetterTopic)
    {
        var copy = message with { Topic = deadLetterTopic };
        environment.Messages.Add(new MessagePublished(
            copy.PubSubName,
            deadLetterTopic,
            copy.CloudEventId,
            environment.Time.GetUtcNow(),
            replica.Sidecar.AppId,
            copy.Body));
        broker.Publish(copy);
        return true;
    }

    private SettleReason Settle(SubscriberReplica replica, SettleReason reason)
    {
        environment.Messages.Add(new MessageSettled(
            message.PubSubName,
            message.Topic,
            message.CloudEventId,
            environment.Time.GetUtcNow(),
            replica.Sidecar.AppId,
            reason));
        return reason;
    }
}
