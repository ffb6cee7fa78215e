using System.Net;
using System.Security.Cryptography;
using DaprPhotos.Blobs;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>Renditions are served once thumbnails has announced them, and cached as immutable.</summary>
public sealed class RenditionDownloadTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARenditionIsNotFoundUntilThePhotoIsThumbnailed()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        using var response = await app.Client.GetAsync($"/photos/{photo.Id}/renditions/small", Cancellation);

        await Problems.ReadAsync(response, HttpStatusCode.NotFound, Cancellation);
    }

    [Fact]
    public async Task AnAnnouncedRenditionIsServedImmutablyCached()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(640, 480), Cancellation);
        var bytes = TestImages.Jpeg(320, 240, seed: 3);
        var rendition = PhotoEvents.Small(photo.Id, bytes.Length);
        await WriteAsThumbnailsAsync(app, rendition.Key, bytes);
        await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id, rendition), Cancellation);

        using var response = await app.Client.GetAsync($"/photos/{photo.Id}/renditions/small", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Cancellation));
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.Contains(cacheControl.Extensions, extension => extension.Name == "immutable");
        Assert.Equal(TimeSpan.FromDays(365), cacheControl.MaxAge);
        Assert.False(response.Headers.ETag?.IsWeak ?? true);
    }

    // What thumbnails does with a rendition it made: chunks, then the manifest, under its key.
    private static async Task WriteAsThumbnailsAsync(UploadApplication app, string key, byte[] bytes)
    {
        await app.ThumbnailsBlobs.WriteChunkAsync(key, 0, bytes, Cancellation);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var manifest = new BlobManifest(
            key, "image/jpeg", bytes.Length, sha256, ChunkCount: 1, bytes.Length, DateTimeOffset.UtcNow);
        await app.ThumbnailsBlobs.WriteManifestAsync(manifest, Cancellation);
    }
}
