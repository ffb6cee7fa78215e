using System.Text.Json;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// daprd's handling of one message for one consumer group: unwrap, route, POST under the inbound
/// resiliency policy (retry, breaker, timeout), then settle: acknowledged, dropped, moved to the
/// dead-letter topic, or handed back to the component (redis acknowledges it, so it is gone,
/// unless the whole delivery outlasted processingTimeout; in-memory logs and forgets it).
/// </summary>
internal sealed partial class SubscriberDelivery(
    ConsumerGroup group, PubSubBroker broker, DaprTestEnvironment environment, BrokerMessage message)
{
    public async Task RunAsync()
    {
        while (true)
        {
            var started = environment.Time.GetUtcNow();
            var settled = await DeliverOnceAsync();
            var outlasted = broker.Redelivers
                && environment.Time.GetUtcNow() - started >= broker.ProcessingTimeout;
            if (settled != SettleReason.ReturnedToBroker || !outlasted)
            {
                return;
            }

            // The redis message was never acknowledged: the reclaim loop hands it out again.
            await Task.Delay(broker.RedeliverInterval, environment.Time, environment.Stopping);
        }
    }

    private async Task<SettleReason> DeliverOnceAsync()
    {
        var replica = await NextAvailableReplicaAsync();
        if (replica?.For(message.Topic) is not { } subscription)
        {
            return SettleReason.ReturnedToBroker;
        }

        if (replica.InternalHandler is { } handler)
        {
            var handled = await handler(message, environment.Stopping);
            return Settle(replica, handled ? SettleReason.Acknowledged : SettleReason.ReturnedToBroker);
        }

        // A body that is not a CloudEvent is an error daprd hands back to the component (after the DLQ).
        var cloudEvent = Unwrap(subscription);
        if (cloudEvent is null)
        {
            return Fail(replica, subscription);
        }

        if (HasExpired(cloudEvent))
        {
            return Drop(replica, subscription);
        }

        var route = RouteMatcher.FindRoute(subscription.Rules, cloudEvent);
        if (route is null)
        {
            return Drop(replica, subscription);
        }

        var body = subscription.IsRawPayload ? JsonSerializer.SerializeToUtf8Bytes(cloudEvent) : message.Body;
        var headers = DeliveryHeaders(replica, cloudEvent);
        var attempts = new DeliveryAttempts(replica, route.Path, body, headers, environment);
        var outcome = await attempts.RunAsync(message);
        return outcome switch
        {
            DeliveryOutcome.Success => Settle(replica, SettleReason.Acknowledged),
            DeliveryOutcome.Drop => Drop(replica, subscription),
            _ => Fail(replica, subscription),
        };
    }

    private async Task<SubscriberReplica?> NextAvailableReplicaAsync()
    {
        var replica = group.NextReplica(message.Topic);
        if (replica is not null)
        {
            await replica.Sidecar.WaitUntilAvailableAsync(environment.Stopping);
        }

        return replica;
    }
}
