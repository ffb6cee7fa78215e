using DaprPhotos.Thumbnails.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class RenditionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALandscapePhotoGetsEveryRenditionAtItsLongestSide()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(2000, 1500);

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal([("preview", 1280, 960), ("thumb", 256, 192)],
            thumbnailed.Renditions.Select(r => (r.Name, r.Width, r.Height)));
        Assert.Equal((2000, 1500), (thumbnailed.Metadata.Width, thumbnailed.Metadata.Height));
    }

    [Fact]
    public async Task APortraitPhotoIsFittedByItsHeight()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(1500, 2000);

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal([("preview", 960, 1280), ("thumb", 192, 256)],
            thumbnailed.Renditions.Select(r => (r.Name, r.Width, r.Height)));
    }

    [Fact]
    public async Task APhotoSmallerThanARenditionIsNeverUpscaled()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(200, 150);

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal([("preview", 200, 150), ("thumb", 200, 150)],
            thumbnailed.Renditions.Select(r => (r.Name, r.Width, r.Height)));
    }

    [Fact]
    public async Task StoredRenditionsAreTheSizesTheEventAnnounces()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(1600, 900), Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        foreach (var rendition in thumbnailed.Renditions)
        {
            using var stored = Image.Load<Rgb24>(await app.ReadBlobAsync(rendition.Key, Cancellation));
            Assert.Equal((rendition.Width, rendition.Height), (stored.Width, stored.Height));
        }
    }

    [Fact]
    public async Task ConfiguredRenditionsReplaceTheDefaults()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Thumbnails:Renditions:0:Name"] = "thumb",
            ["Thumbnails:Renditions:0:LongestSidePixels"] = "128",
            ["Thumbnails:Renditions:0:Format"] = "webp",
        };
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation, settings);

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal([("thumb", "WEBP", 128, 96)],
            thumbnailed.Renditions.Select(r => (r.Name, r.Format, r.Width, r.Height)));
    }
}
