using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// Builds the bytes daprd hands the broker for a publish: a CloudEvent JSON object with the
/// fields in Go's alphabetical order, the data embedded, quoted or base64-encoded by content type,
/// and <c>cloudevent.*</c> metadata overrides applied.
/// </summary>
internal static class CloudEventEnvelope
{
    private const string CloudEventsJson = "application/cloudevents+json";

    public static byte[] Build(PublishContext publish)
    {
        var contentType = string.IsNullOrEmpty(publish.ContentType) ? "text/plain" : publish.ContentType;
        if (MediaType(contentType) == CloudEventsJson)
        {
            return FromAppCloudEvent(publish);
        }

        var envelope = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["datacontenttype"] = contentType,
            ["id"] = Override(publish, "id") ?? Guid.NewGuid().ToString(),
            ["pubsubname"] = publish.PubSubName,
            ["source"] = Override(publish, "source") ?? (publish.AppId.Length > 0 ? publish.AppId : "Dapr"),
            ["specversion"] = "1.0",
            ["time"] = Rfc3339(publish.Time),
            ["topic"] = publish.Topic,
            ["traceid"] = publish.TraceParent,
            ["traceparent"] = publish.TraceParent,
            ["tracestate"] = Override(publish, "tracestate") ?? publish.TraceState,
            ["type"] = Override(publish, "type") ?? "com.dapr.event.sent",
        };

        if (Override(publish, "subject") is { } subject)
        {
            envelope["subject"] = subject;
        }

        if (publish.ExpiresAt is { } expiresAt)
        {
            envelope["expiration"] = Rfc3339(expiresAt);
        }

        AddData(envelope, contentType, publish.Data);
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject(envelope));
    }

    /// <summary>
    /// The trace fields daprd writes: a <c>cloudevent.traceparent</c> wins over <c>cloudevent.traceid</c>.
    /// </summary>
    public static (string TraceParent, string TraceState) TraceFields(
        IReadOnlyDictionary<string, string> metadata, string incomingTraceParent, string incomingTraceState)
    {
        var parent = Find(metadata, "cloudevent.traceparent") ?? Find(metadata, "cloudevent.traceid")
            ?? incomingTraceParent;
        return (parent, Find(metadata, "cloudevent.tracestate") ?? incomingTraceState);
    }

    /// <summary>Go's <c>time.RFC3339</c> for a UTC time: second precision and a <c>Z</c>.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IdOf(byte[] envelope)
    {
        using var document = JsonDocument.Parse(envelope);
        return document.RootElement.TryGetProperty("id", out var id) ? id.ToString() : "";
    }

    public static string MediaType(string contentType) =>
        contentType.Split(';', 2)[0].Trim().ToLowerInvariant();

    private static void AddData(SortedDictionary<string, JsonNode?> envelope, string contentType, byte[] data)
    {
        var mediaType = MediaType(contentType);
        if (mediaType == "application/json")
        {
            // daprd decodes the JSON into Go maps and encodes it again: compact, keys sorted.
            envelope["data"] = TryParseJson(data) is { } json
                ? GoJson.Normalize(json)
                : JsonValue.Create(System.Text.Encoding.UTF8.GetString(data));
        }
        else if (mediaType is "application/octet-stream" or "application/cloudevents+protobuf")
        {
            envelope["data_base64"] = Convert.ToBase64String(data);
        }
        else
        {
            envelope["data"] = System.Text.Encoding.UTF8.GetString(data);
        }
    }

    // The app sent its own CloudEvent (contrib FromCloudEvent): daprd keeps it, owns topic, pubsubname
    // and the trace fields, fills what is missing ("Dapr" as source, not the app id), applies the TTL,
    // and Go writes the decoded map back with its keys sorted.
    private static byte[] FromAppCloudEvent(PublishContext publish)
    {
        if (TryParseJson(publish.Data) is not JsonObject cloudEvent)
        {
            throw new FormatException("the data is not a JSON CloudEvent");
        }

        cloudEvent.TryAdd("source", "Dapr");
        cloudEvent.TryAdd("type", "com.dapr.event.sent");
        cloudEvent.TryAdd("specversion", "1.0");
        cloudEvent.TryAdd("time", Rfc3339(publish.Time));
        cloudEvent["topic"] = publish.Topic;
        cloudEvent["pubsubname"] = publish.PubSubName;
        cloudEvent["traceid"] = publish.TraceParent;
        cloudEvent["traceparent"] = publish.TraceParent;
        cloudEvent["tracestate"] = publish.TraceState;
        if (publish.ExpiresAt is { } expiresAt)
        {
            cloudEvent["expiration"] = Rfc3339(expiresAt);
        }

        return JsonSerializer.SerializeToUtf8Bytes(GoJson.Normalize(cloudEvent));
    }

    private static JsonNode? TryParseJson(byte[] data)
    {
        try
        {
            return JsonNode.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Override(PublishContext publish, string field) =>
        Find(publish.Metadata, $"cloudevent.{field}");

    private static string? Find(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata
            .FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            .Value;
}

/// <summary>Everything daprd knows when it wraps one published message.</summary>
internal sealed record PublishContext(
    string AppId,
    string PubSubName,
    string Topic,
    byte[] Data,
    string ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    string TraceParent,
    string TraceState,
    DateTimeOffset Time,
    DateTimeOffset? ExpiresAt);
