using DaprPhotos.Imaging.Tests.Support;

namespace DaprPhotos.Imaging.Tests;

/// <summary>
/// The hand-built PNGs are only as good as their CRCs, so the helper is checked on known values.
/// </summary>
public sealed class Crc32Tests
{
    [Fact]
    public void MatchesTheStandardCheckValue()
    {
        var data = "123456789"u8;

        var crc = Crc32.Compute(data);

        Assert.Equal(0xCBF4_3926u, crc);
    }

    [Fact]
    public void MatchesTheCrcEveryPngEndsWith()
    {
        var iendType = "IEND"u8;

        var crc = Crc32.Compute(iendType);

        Assert.Equal(0xAE42_6082u, crc);
    }
}
