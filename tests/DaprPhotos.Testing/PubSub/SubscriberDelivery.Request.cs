using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

// What daprd makes of the broker's bytes before it calls the app: the CloudEvent it routes on,
// whether that event has expired, and the HTTP headers of the delivery.
internal sealed partial class SubscriberDelivery
{
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
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var expiration)
        && expiration <= environment.Time.GetUtcNow();

    private List<KeyValuePair<string, string>> DeliveryHeaders(
        SubscriberReplica replica, JsonObject cloudEvent)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Pubsubname", message.PubSubName) };
        if (replica.Sidecar.Options.AppApiToken is { } appToken)
        {
            headers.Add(new("dapr-api-token", appToken));
        }

        foreach (var (key, value) in message.Metadata)
        {
            var name = key.ToLowerInvariant();
            if (name is not ("traceparent" or "tracestate" or "content-type" or "content-length"
                or "pubsubname"))
            {
                var header = name.StartsWith("grpc-", StringComparison.Ordinal) ? $"dapr-{name}" : name;
                headers.Add(new(header, value));
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
}
