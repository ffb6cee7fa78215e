using DaprPhotos.Imaging.Tests.Support;

namespace DaprPhotos.Imaging.Tests;

public sealed class EndMarkerTests
{
    [Theory]
    [InlineData("JPEG")]
    [InlineData("PNG")]
    [InlineData("GIF")]
    [InlineData("WebP")]
    public void ACompleteFileOfEachFormatPasses(string name)
    {
        var format = PhotoFormat.FromName(name)!;
        var bytes = ValidImages.For(format);

        var complete = IsComplete(format, bytes);

        Assert.True(complete);
    }

    [Theory]
    [InlineData("JPEG")]
    [InlineData("PNG")]
    [InlineData("GIF")]
    [InlineData("WebP")]
    public void AFileCutShortFails(string name)
    {
        var format = PhotoFormat.FromName(name)!;
        var bytes = name switch
        {
            "JPEG" => BrokenImages.JpegCutAt60Percent,
            "PNG" => BrokenImages.PngWithoutIend,
            "GIF" => BrokenImages.GifWithoutTrailer,
            _ => BrokenImages.WebpShorterThanItsRiffSize,
        };

        var complete = IsComplete(format, bytes);

        Assert.False(complete);
    }

    [Fact]
    public void AJpegWithAShortTrailerAfterItsEndMarkerPasses()
    {
        // Some cameras append a few bytes after EOI; the photo itself is whole.
        var bytes = BrokenImages.JpegWithTrailer;

        var complete = IsComplete(PhotoFormat.Jpeg, bytes);

        Assert.True(complete);
    }

    // The way the upload path calls it: the first and last bytes of the file and its full length.
    private static bool IsComplete(PhotoFormat format, byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, FormatSniffer.HeadLength));
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - EndMarker.TailLength));
        return EndMarker.IsComplete(format, head, tail, bytes.Length);
    }
}
