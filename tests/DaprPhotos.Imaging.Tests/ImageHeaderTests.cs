using DaprPhotos.Imaging.Tests.Support;
using SixLabors.ImageSharp;

namespace DaprPhotos.Imaging.Tests;

[Collection(nameof(MemoryMeasurements))]
public sealed class ImageHeaderTests
{
    private readonly Configuration _configuration = SafeImageConfiguration.Create();

    [Theory]
    [InlineData("JPEG")]
    [InlineData("PNG")]
    [InlineData("GIF")]
    [InlineData("WebP")]
    public void ReadsTheSizeOfEachSupportedFormat(string name)
    {
        var bytes = ValidImages.For(PhotoFormat.FromName(name)!);

        var size = ImageHeader.Read(_configuration, bytes);

        Assert.Equal(new ImageSize(ValidImages.Width, ValidImages.Height), size);
    }

    [Theory]
    [InlineData("TIFF")]
    [InlineData("BMP")]
    public void ReturnsNullForFormatsWhoseDecodersAreOff(string name)
    {
        var bytes = name == "TIFF" ? ValidImages.Tiff : ValidImages.Bmp;

        var size = ImageHeader.Read(_configuration, bytes);

        Assert.Null(size);
    }

    [Theory]
    [InlineData("TIFF")]
    [InlineData("BMP")]
    public void TheTiffAndBmpSamplesAreReadWhenEveryDecoderIsOn(string name)
    {
        // Shows that the null above comes from the configuration, not from broken samples.
        var bytes = name == "TIFF" ? ValidImages.Tiff : ValidImages.Bmp;

        var size = ImageHeader.Read(Configuration.Default, bytes);

        Assert.Equal(new ImageSize(ValidImages.Width, ValidImages.Height), size);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("random")]
    [InlineData("JFIF then random")]
    public void ReturnsNullForBytesThatAreNoImage(string sample)
    {
        var bytes = sample switch
        {
            "text" => HostileImages.Text,
            "empty" => HostileImages.Empty,
            "random" => HostileImages.Random,
            _ => HostileImages.JfifThenRandom,
        };

        var size = ImageHeader.Read(_configuration, bytes);

        Assert.Null(size);
    }

    [Fact]
    public void ReturnsNullWhenTheHeaderLiesBeyondTheBytesGiven()
    {
        // The signature and half of IHDR: the width is there, the height is not.
        var head = ValidImages.Png.AsMemory(0, 20);

        var size = ImageHeader.Read(_configuration, head);

        Assert.Null(size);
    }

    [Theory]
    [InlineData("GIF", HostileImages.HugeSide)]
    [InlineData("PNG", HostileImages.HugePngSide)]
    [InlineData("JPEG", HostileImages.HugeSide)]
    public void ReportsTheHugeSizeAHostileHeaderDeclares(string name, int side)
    {
        var bytes = Hostile(name);

        var size = ImageHeader.Read(_configuration, bytes);

        Assert.Equal(new ImageSize(side, side), size);
    }

    [Theory]
    [InlineData("GIF")]
    [InlineData("PNG")]
    [InlineData("JPEG")]
    public void ReadingAHostileHeaderAllocatesNoPixels(string name)
    {
        // A 30000 x 30000 RGBA frame is 3.6 GB; a header read must stay in the kilobytes to megabytes.
        var bytes = Hostile(name);

        var allocated = Allocations.Measure(() => ImageHeader.Read(_configuration, bytes));

        Assert.InRange(allocated, 0, 8 * Allocations.Megabyte);
    }

    private static byte[] Hostile(string name) => name switch
    {
        "GIF" => HostileImages.HugeGif,
        "PNG" => HostileImages.HugePng,
        _ => HostileImages.HugeJpeg,
    };
}
