using DaprPhotos.Thumbnails.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class BlurHashTests
{
    private const string Base83 =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    [Fact]
    public void FourByThreeComponentsMakeTwentyEightCharacters()
    {
        using var image = Gradient(32, 24);

        var hash = BlurHash.Encode(image);

        // Size flag, maximum AC, 4 digits of DC, 2 per AC component.
        Assert.Equal(1 + 1 + 4 + (2 * ((4 * 3) - 1)), hash.Length);
    }

    [Fact]
    public void TheSizeFlagNamesTheComponentCounts()
    {
        using var image = Gradient(32, 24);

        var hash = BlurHash.Encode(image);

        Assert.Equal((4 - 1) + ((3 - 1) * 9), Base83.IndexOf(hash[0], StringComparison.Ordinal));
    }

    [Fact]
    public void AUniformImagesAverageColourIsItsOwn()
    {
        var orange = new Rgb24(200, 120, 40);
        using var image = new Image<Rgb24>(32, 24, orange);

        var hash = BlurHash.Encode(image);

        var dc = hash[2..6].Aggregate(
            0, (value, digit) => (value * 83) + Base83.IndexOf(digit, StringComparison.Ordinal));
        Assert.Equal(orange, new Rgb24((byte)(dc >> 16), (byte)(dc >> 8), (byte)dc));
    }

    private static Image<Rgb24> Gradient(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
                }
            }
        });
        return image;
    }
}
