using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaprPhotos.Contracts.Events;

/// <summary>
/// Source-generated JSON for every event, with the web defaults Dapr.Client uses (camelCase),
/// so what one service publishes is exactly what another binds.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PhotoUploaded))]
[JsonSerializable(typeof(PhotoThumbnailed))]
[JsonSerializable(typeof(PhotoIndexed))]
[JsonSerializable(typeof(PhotoFailed))]
[JsonSerializable(typeof(PhotoDeleted))]
[JsonSerializable(typeof(PhotoReprocessRequested))]
[JsonSerializable(typeof(RenditionSetAnnounced))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
