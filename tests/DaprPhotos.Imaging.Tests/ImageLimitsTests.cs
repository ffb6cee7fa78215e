using System.Globalization;

namespace DaprPhotos.Imaging.Tests;

public sealed class ImageLimitsTests
{
    [Fact]
    public void TheDefaultsAreFiftyMegapixelsAndTwelveThousandPixelsASide()
    {
        var limits = ImageLimits.Default;

        Assert.Equal((50_000_000L, 12_000), (limits.MaxPixels, limits.MaxSidePixels));
    }

    [Fact]
    public void AnImageAtBothLimitsIsAccepted()
    {
        var size = new ImageSize(12_000, 4_166);

        var violation = ImageLimits.Default.Violation(size);

        Assert.Null(violation);
    }

    [Fact]
    public void AThinStripIsRefusedBySideEvenThoughItHasFewPixels()
    {
        var size = new ImageSize(1, 13_000);

        var violation = ImageLimits.Default.Violation(size);

        Assert.Equal("The image is 1 x 13000 pixels; no side may exceed 12,000 pixels.", violation);
    }

    [Fact]
    public void AnImageOfModestSidesIsRefusedByItsPixelCount()
    {
        var size = new ImageSize(8_000, 7_000);

        var violation = ImageLimits.Default.Violation(size);

        Assert.Equal(
            "The image is 8000 x 7000 pixels (56 megapixels); the limit is 50 megapixels.", violation);
    }

    [Theory]
    [InlineData(1, 13_000, "The image is 1 x 13000 pixels; no side may exceed 12,000 pixels.")]
    [InlineData(
        8_000, 7_070, "The image is 8000 x 7070 pixels (56.6 megapixels); the limit is 50 megapixels.")]
    public void MessagesReadTheSameWhateverTheServersCulture(int width, int height, string expected)
    {
        // The message goes into an English API answer; a German host must not make it "12.000" or "56,6".
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

        string? violation;
        try
        {
            violation = ImageLimits.Default.Violation(new ImageSize(width, height));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Equal(expected, violation);
    }
}
