namespace DaprPhotos.Imaging.Tests.Support;

/// <summary>Valid images cut or extended the way a broken transfer or a camera would.</summary>
internal static class BrokenImages
{
    public static byte[] JpegCutAt60Percent { get; } = ValidImages.Jpeg[..(ValidImages.Jpeg.Length * 6 / 10)];

    // The IEND chunk is the last 12 bytes of a PNG.
    public static byte[] PngWithoutIend { get; } = ValidImages.Png[..^12];

    // The trailer is the single 0x3B byte at the end of a GIF.
    public static byte[] GifWithoutTrailer { get; } = ValidImages.Gif[..^1];

    public static byte[] WebpShorterThanItsRiffSize { get; } = ValidImages.Webp[..^10];

    public static byte[] JpegWithTrailer { get; } = [.. ValidImages.Jpeg, .. "camera trailer\0\0"u8];
}
