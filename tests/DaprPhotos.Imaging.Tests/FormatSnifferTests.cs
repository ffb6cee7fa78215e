using DaprPhotos.Imaging.Tests.Support;

namespace DaprPhotos.Imaging.Tests;

public sealed class FormatSnifferTests
{
    [Theory]
    [InlineData("JPEG")]
    [InlineData("PNG")]
    [InlineData("GIF")]
    [InlineData("WebP")]
    public void EachSupportedFormatIsDetectedFromItsFirstBytes(string name)
    {
        var format = PhotoFormat.FromName(name)!;
        var bytes = ValidImages.For(format);

        var result = Sniff(bytes);

        Assert.Equal(SniffResult.Accepted(format), result);
    }

    [Fact]
    public void JpegBytesAreJpegWhateverTheFileIsCalled()
    {
        // The sniffer takes no name or Content-Type, so "photo.png" holding JPEG bytes is stored as .jpg.
        var bytes = ValidImages.Jpeg;

        var result = Sniff(bytes);

        Assert.Equal((".jpg", "image/jpeg"), (result.Format?.Extension, result.Format?.MediaType));
    }

    [Theory]
    [InlineData("HEIC")]
    [InlineData("AVIF")]
    [InlineData("TIFF")]
    [InlineData("BMP")]
    public void KnownUnsupportedFormatsAreRefusedByName(string name)
    {
        var bytes = name switch
        {
            "HEIC" => HostileImages.Heic,
            "AVIF" => HostileImages.Avif,
            "TIFF" => ValidImages.Tiff,
            _ => ValidImages.Bmp,
        };

        var result = Sniff(bytes);

        Assert.Equal(SniffResult.Refused(name), result);
    }

    [Fact]
    public void AnOtherIsoMediaFileIsRefusedWithItsBrand()
    {
        var bytes = HostileImages.Mp4;

        var result = Sniff(bytes);

        Assert.Equal(SniffResult.Refused("an ISO media file (isom)"), result);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("random")]
    public void AnythingElseIsRefusedAsAnUnrecognisedFormat(string sample)
    {
        var bytes = sample switch
        {
            "text" => HostileImages.Text,
            "empty" => HostileImages.Empty,
            _ => HostileImages.Random,
        };

        var result = Sniff(bytes);

        Assert.Equal(SniffResult.Refused("an unrecognised format"), result);
    }

    [Fact]
    public void SupportedNamesListTheFormatsForAMessage()
    {
        var names = PhotoFormat.SupportedNames;

        Assert.Equal("JPEG, PNG, GIF and WebP", names);
    }

    // Callers pass at most HeadLength bytes, so every signature must fit in them.
    private static SniffResult Sniff(byte[] bytes) =>
        FormatSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, FormatSniffer.HeadLength)));
}
