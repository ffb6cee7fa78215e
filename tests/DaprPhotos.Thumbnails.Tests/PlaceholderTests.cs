using DaprPhotos.Thumbnails.Tests.Support;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class PlaceholderTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheEventCarriesABlurHashSmallEnoughToInline()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Equal(28, thumbnailed.Placeholder?.Length);
    }

    [Fact]
    public async Task TheEventCarriesThePhotosDominantColour()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(800, 600, image =>
            image.ProcessPixelRows(rows =>
            {
                for (var y = rows.Height / 5; y < rows.Height; y++)
                {
                    rows.GetRowSpan(y).Fill(new Rgb24(200, 120, 40));
                }
            }));

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var color = Convert.FromHexString(thumbnailed.DominantColor![1..]);
        Assert.True(Math.Abs(color[0] - 200) + Math.Abs(color[1] - 120) + Math.Abs(color[2] - 40) < 12,
            $"dominant colour #{Convert.ToHexString(color)} is not the photo's orange");
    }
}
