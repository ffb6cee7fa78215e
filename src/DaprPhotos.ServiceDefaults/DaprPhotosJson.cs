using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.ServiceDefaults;

/// <summary>
/// The JSON every service writes to and reads from Dapr: web defaults, the source-generated contracts
/// first so events round-trip exactly, and reflection for anything else (state records, workflow input).
/// </summary>
public static class DaprPhotosJson
{
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(
                ContractsJsonContext.Default,
                new DefaultJsonTypeInfoResolver()),
        };

        // Shared by every DaprClient and test; frozen so no caller can change it for the others.
        options.MakeReadOnly();

        return options;
    }
}
