namespace DaprPhotos.Contracts.Events;

/// <summary>
/// Every rendition is stored in <c>blobs</c> and the photo's metadata is known: the message that
/// queues the photo for indexing.
/// </summary>
/// <param name="Placeholder">A BlurHash of the photo, small enough to inline in a list response.</param>
/// <param name="DominantColor">The photo's most common colour, as <c>#rrggbb</c>.</param>
/// <param name="Upload">What upload knew of the photo, carried on so indexing needs no other store.</param>
/// <param name="RenditionSet">
/// The fingerprint of the rendition set these renditions belong to (names, sizes, formats, qualities
/// and renderer version); null from a version of thumbnails that did not report it.
/// </param>
public sealed record PhotoThumbnailed(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Rendition> Renditions,
    PhotoMetadata Metadata,
    string? Placeholder = null,
    string? DominantColor = null,
    UploadFacts? Upload = null,
    string? RenditionSet = null) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoThumbnailed;

    public static string CloudEventType => "daprphotos.photo.thumbnailed.v1";
}

/// <summary>The uploader's facts about a photo, as <c>photo-uploaded</c> announced them.</summary>
public sealed record UploadFacts(
    string FileName,
    string? Title,
    string? Description,
    IReadOnlyList<string> Tags,
    DateTimeOffset UploadedAt)
{
    public static UploadFacts From(PhotoUploaded uploaded) =>
        new(uploaded.FileName, uploaded.Title, uploaded.Description, uploaded.Tags, uploaded.OccurredAt);
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
