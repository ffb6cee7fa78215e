using System.Text.Json;
using Dapr.Client;
using DaprPhotos.ServiceDefaults;

namespace DaprPhotos.Thumbnails.Storage;

/// <summary>
/// Reads one value of a bulk read whose keys hold different types, as the typed reads would.
/// </summary>
internal static class BulkStateItemExtensions
{
    /// <returns>Null for a key that holds nothing.</returns>
    public static T? ValueAs<T>(this BulkStateItem item)
        where T : class =>
        string.IsNullOrEmpty(item.Value)
            ? null
            : JsonSerializer.Deserialize<T>(item.Value, DaprPhotosJson.SerializerOptions);
}
