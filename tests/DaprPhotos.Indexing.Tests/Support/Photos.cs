using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Indexing.Tests.Support;

/// <summary>
/// <c>photo-thumbnailed</c> events as thumbnails publishes them, with just the facts a test names.
/// </summary>
internal static class Photos
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PhotoThumbnailed Thumbnailed(
        string? title = null,
        string? photoId = null,
        string? description = null,
        IReadOnlyList<string>? tags = null,
        string fileName = "IMG_0001.jpg",
        int width = 4000,
        int height = 3000,
        DateTimeOffset? takenAt = null,
        string? cameraMake = null,
        string? cameraModel = null,
        double? latitude = null,
        double? longitude = null,
        DateTimeOffset? uploadedAt = null,
        DateTimeOffset? occurredAt = null)
    {
        photoId ??= NewId();
        var metadata = new PhotoMetadata(width, height, "JPEG", takenAt, cameraMake, cameraModel,
            Latitude: latitude, Longitude: longitude);
        var upload = new UploadFacts(fileName, title, description, tags ?? [], uploadedAt ?? Epoch);
        return new PhotoThumbnailed(
            Guid.NewGuid(),
            photoId,
            occurredAt ?? DateTimeOffset.UtcNow,
            [
                new Rendition("preview", $"rendition/{photoId}/preview-1", "JPEG", 1280, 960, 100_000),
                new Rendition("thumb", $"rendition/{photoId}/thumb-1", "JPEG", 256, 192, 9_000),
            ],
            metadata,
            "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
            "#336699",
            upload);
    }

    public static PhotoDeleted Deleted(string photoId) => new(Guid.NewGuid(), photoId, DateTimeOffset.UtcNow);

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
