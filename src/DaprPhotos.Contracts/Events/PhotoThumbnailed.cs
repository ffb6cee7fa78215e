namespace DaprPhotos.Contracts.Events;

/// <summary>
/// Every rendition is stored in <c>blobs</c> and the photo's metadata is known: the message that
/// queues the photo for indexing.
/// </summary>
/// <param name="Placeholder">A BlurHash of the photo, small enough to inline in a list response.</param>
/// <param name="DominantColor">The photo's most common colour, as <c>#rrggbb</c>.</param>
public sealed record PhotoThumbnailed(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Rendition> Renditions,
    PhotoMetadata Metadata,
    string? Placeholder = null,
    string? DominantColor = null) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoThumbnailed;

    public static string CloudEventType => "daprphotos.photo.thumbnailed.v1";
}

/// <summary>One stored rendition; <paramref name="Key"/> is its <c>blobs</c> key.</summary>
public sealed record Rendition(string Name, string Key, string Format, int Width, int Height, long SizeBytes);

/// <summary>
/// What the original's header and EXIF say. Width and height are as displayed (after EXIF
/// orientation); every other field may be unknown, and a malformed tag is simply left out.
/// </summary>
public sealed record PhotoMetadata(
    int Width,
    int Height,
    string Format,
    DateTimeOffset? TakenAt = null,
    string? CameraMake = null,
    string? CameraModel = null,
    string? Lens = null,
    double? Latitude = null,
    double? Longitude = null,
    double? AltitudeMeters = null,
    string? ExposureTime = null,
    double? FNumber = null,
    int? Iso = null,
    double? FocalLengthMm = null,
    string? Orientation = null,
    bool TakenAtHasOffset = false);
