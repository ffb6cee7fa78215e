using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>The events the other services publish about a photo, as they would shape them.</summary>
internal static class PhotoEvents
{
    public static readonly DateTimeOffset ThumbnailedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public static readonly DateTimeOffset IndexedAt = ThumbnailedAt.AddMinutes(1);

    public static Rendition Small(string photoId, long sizeBytes = 1234) =>
        new("small", BlobKeys.Rendition(photoId, "small", "w320"), "JPEG", 320, 240, sizeBytes);

    public static PhotoMetadata Metadata { get; } =
        new(640, 480, "JPEG", ThumbnailedAt.AddYears(-1), "Canon", "EOS R5", "RF 24-105mm");

    public static PhotoThumbnailed Thumbnailed(string photoId, Rendition? rendition = null) =>
        new(Guid.NewGuid(), photoId, ThumbnailedAt, [rendition ?? Small(photoId)], Metadata);

    public static PhotoIndexed Indexed(string photoId) =>
        new(Guid.NewGuid(), photoId, IndexedAt, TermCount: 7);

    public static PhotoFailed Failed(string photoId, string reason, string appId = AppIds.Thumbnails) =>
        new(Guid.NewGuid(), photoId, ThumbnailedAt, appId, reason);
}
