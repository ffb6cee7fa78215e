using DaprPhotos.Imaging.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Imaging.Tests;

[Collection(nameof(MemoryMeasurements))]
public sealed class SafeImageConfigurationTests
{
    private readonly Configuration _configuration = SafeImageConfiguration.Create();

    [Fact]
    public void DecodingAGifThatDeclares30000PixelsASideFailsInsteadOfAllocatingGigabytes()
    {
        var bytes = HostileImages.HugeGif;
        Exception? failure = null;

        var allocated = Allocations.Measure(() => failure = Record.Exception(() => Load(bytes)));

        // Either type means the allocator refused the 3.6 GB frame; ImageSharp wraps it when decoding.
        Assert.True(
            failure is InvalidImageContentException or InvalidMemoryOperationException,
            $"Expected a refused allocation, got {failure?.GetType().Name ?? "no exception"}.");
        Assert.InRange(allocated, 0, 64 * Allocations.Megabyte);
    }

    [Theory]
    [InlineData("TIFF")]
    [InlineData("BMP")]
    public void TiffAndBmpBytesAreAnUnknownFormat(string name)
    {
        var bytes = name == "TIFF" ? ValidImages.Tiff : ValidImages.Bmp;

        var failure = Record.Exception(() => Load(bytes));

        Assert.IsType<UnknownImageFormatException>(failure);
    }

    [Theory]
    [InlineData("JPEG")]
    [InlineData("PNG")]
    [InlineData("GIF")]
    [InlineData("WebP")]
    public void EachSupportedFormatStillDecodes(string name)
    {
        var bytes = ValidImages.For(PhotoFormat.FromName(name)!);

        using var image = Image.Load(_configuration, bytes);

        Assert.Equal((ValidImages.Width, ValidImages.Height), (image.Width, image.Height));
    }

    [Fact]
    public void AnAnimatedGifIsDecodedToItsFirstFrameOnly()
    {
        // Every further frame would be another full-size buffer for a thumbnail that shows one.
        var bytes = ValidImages.AnimatedGif();

        using var image = Image.Load(_configuration, bytes);

        Assert.Single(image.Frames);
    }

    [Fact]
    public void ASmallerAllocationLimitRefusesAnImageTheDefaultAccepts()
    {
        var configuration = SafeImageConfiguration.Create(allocationLimitMegabytes: 1);
        var bytes = LargePng(1024, 1024);

        var failure = Record.Exception(() => Image.Load(configuration, bytes).Dispose());

        Assert.True(
            failure is InvalidImageContentException or InvalidMemoryOperationException,
            $"Expected a refused allocation, got {failure?.GetType().Name ?? "no exception"}.");
    }

    private void Load(byte[] bytes)
    {
        using var image = Image.Load(_configuration, bytes);
    }

    // A flat 1024 x 1024 PNG is a few kilobytes on disk but 4 MB as RGBA pixels.
    private static byte[] LargePng(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
