using DaprPhotos.Blobs;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>
/// Every photo-thumbnailed names the rendition set it belongs to, so upload can tell which photos
/// an older set rendered.
/// </summary>
public sealed class RenditionSetTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThumbnailedCarriesTheCurrentRenditionSet()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(400, 300), Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal(app.Options.SetFingerprint, thumbnailed.RenditionSet);
    }

    [Fact]
    public async Task ASetStoredBeforeSetsWereReportedIsRepublishedWithTheCurrentSet()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.StoreOriginalAsync(TestPhotos.Jpeg(400, 300), Cancellation);
        var legacy = new PhotoThumbnailed(Guid.NewGuid(), uploaded.PhotoId, DateTimeOffset.UtcNow, [],
            new PhotoMetadata(400, 300, "JPEG"));
        var setKey = BlobKeys.RenditionSet(uploaded.PhotoId, app.Options.SetFingerprint);
        await app.WriteRecordAsync(setKey, legacy, Cancellation);

        await app.PublishAsync(uploaded, Cancellation);

        var republished = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal(
            (legacy.EventId, app.Options.SetFingerprint), (republished.EventId, republished.RenditionSet));
    }
}
