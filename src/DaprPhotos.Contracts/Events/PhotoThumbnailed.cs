namespace DaprPhotos.Contracts.Events;

/// <summary>Every rendition is stored in <c>blobs</c> and the photo's metadata is known: ready to index.</summary>
public sealed record PhotoThumbnailed(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Rendition> Renditions,
    PhotoMetadata Metadata) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoThumbnailed;

    public static string CloudEventType => "daprphotos.photo.thumbnailed.v1";
}

/// <summary>One stored rendition; <paramref name="Key"/> is its <c>blobs</c> key.</summary>
public sealed record Rendition(string Name, string Key, string Format, int Width, int Height, long SizeBytes);

/// <summary>What the original's header and EXIF say; every field but the size and format may be unknown.</summary>
public sealed record PhotoMetadata(
    int Width,
    int Height,
    string Format,
    DateTimeOffset? TakenAt = null,
    string? CameraMake = null,
    string? CameraModel = null,
    string? Lens = null,
    double? Latitude = null,
    double? Longitude = null);
