using System.Text.Json;
using System.Text.Json.Nodes;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// daprd's handling of one message for one consumer group: unwrap, route, POST under the inbound
/// resiliency policy (retry, breaker, timeout), then settle: acknowledged, dropped, moved to the
/// dead-letter topic, or handed back to the component (redis acknowledges it, so it is gone,
/// unless the whole delivery outlasted processingTimeout; in-memory logs and forgets it).
/// </summary>
internal sealed class SubscriberDelivery(
    ConsumerGroup group, PubSubBroker broker, DaprTestEnvironment environment, BrokerMessage message)
{
    public async Task RunAsync()
    {
        while (true)
        {
            var started = environment.Time.GetUtcNow();
            var settled = await DeliverOnceAsync();
            var outlasted = broker.Redelivers && environment.Time.GetUtcNow() - started >= broker.ProcessingTimeout;
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
        var attempts = new DeliveryAttempts(replica, route.Path, body, DeliveryHeaders(replica, cloudEvent), environment);
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

    // A raw subscription gets daprd's own wrapper; otherwise the bytes must already be a CloudEvent.
    private JsonObject? Unwrap(SubscriptionSpec subscription)
    {
        if (subscription.IsRawPayload)
        {
            var wrapper = new JsonObject
            {
                ["data_base64"] = Convert.ToBase64String(message.Body),
                ["datacontenttype"] = "application/octet-stream",
                ["id"] = Guid.NewGuid().ToString(),
                ["pubsubname"] = message.PubSubName,
                ["source"] = "Dapr",
                ["specversion"] = "1.0",
                ["topic"] = message.Topic,
                ["type"] = "com.dapr.event.sent",
            };
            foreach (var field in new[] { "traceid", "traceparent", "tracestate" })
            {
                if (message.Metadata.TryGetValue(field, out var value))
                {
                    wrapper[field] = value;
                }
            }

            return wrapper;
        }

        try
        {
            return JsonNode.Parse(message.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool HasExpired(JsonObject cloudEvent) =>
        cloudEvent["expiration"] is JsonValue value
        && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var expiration)
        && expiration <= environment.Time.GetUtcNow();

    private List<KeyValuePair<string, string>> DeliveryHeaders(SubscriberReplica replica, JsonObject cloudEvent)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Pubsubname", message.PubSubName) };
        if (replica.Sidecar.Options.AppApiToken is { } appToken)
        {
            headers.Add(new("dapr-api-token", appToken));
        }

        foreach (var (key, value) in message.Metadata)
        {
            var name = key.ToLowerInvariant();
            if (name is not ("traceparent" or "tracestate" or "content-type" or "content-length" or "pubsubname"))
            {
                headers.Add(new(name.StartsWith("grpc-", StringComparison.Ordinal) ? $"dapr-{name}" : name, value));
            }
        }

        var traceParent = (cloudEvent["traceparent"] ?? cloudEvent["traceid"])?.GetValue<string>();
        if (TraceContext.ChildOf(traceParent) is { } child)
        {
            headers.Add(new("traceparent", child));
            if (cloudEvent["tracestate"]?.GetValue<string>() is { Length: > 0 } traceState)
            {
                headers.Add(new("tracestate", traceState));
            }
        }

        return headers;
    }

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
            copy.PubSubName, deadLetterTopic, copy.CloudEventId, environment.Time.GetUtcNow(), replica.Sidecar.AppId, copy.Body));
        broker.Publish(copy);
        return true;
    }

    private SettleReason Settle(SubscriberReplica replica, SettleReason reason)
    {
        environment.Messages.Add(new MessageSettled(
            message.PubSubName, message.Topic, message.CloudEventId, environment.Time.GetUtcNow(), replica.Sidecar.AppId, reason));
        return reason;
    }
}
