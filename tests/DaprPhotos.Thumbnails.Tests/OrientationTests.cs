using DaprPhotos.Thumbnails.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class OrientationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APhotoWithOrientationSixComesOutUpright()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);

        var uploaded = await app.UploadAsync(TestPhotos.RotatedJpeg(), Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal([("preview", 300, 400), ("thumb", 192, 256)],
            thumbnailed.Renditions.Select(r => (r.Name, r.Width, r.Height)));
        Assert.Equal((300, 400), (thumbnailed.Metadata.Width, thumbnailed.Metadata.Height));
        Assert.Equal("6", thumbnailed.Metadata.Orientation);
    }

    [Fact]
    public async Task TheStoredTopOfARotatedPhotoEndsUpOnTheRight()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);

        var uploaded = await app.UploadAsync(TestPhotos.RotatedJpeg(), Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var thumb = thumbnailed.Renditions.Single(r => r.Name == "thumb");
        using var image = Image.Load<Rgb24>(await app.ReadBlobAsync(thumb.Key, Cancellation));
        var middle = image.Height / 2;
        Assert.Equal(
            (TestPhotos.Blue, TestPhotos.Red),
            (Nearest(image[image.Width / 4, middle]), Nearest(image[image.Width * 3 / 4, middle])));
    }

    private static Rgb24 Nearest(Rgb24 pixel) => pixel.R > pixel.B ? TestPhotos.Red : TestPhotos.Blue;
}
