using System.Text.Json.Nodes;

namespace DaprPhotos.Testing.PubSub;

/// <summary>JSON as Go's encoding/json writes a decoded map: object keys in byte order.</summary>
internal static class GoJson
{
    public static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, Normalize(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        _ => node?.DeepClone(),
    };
}
