using DaprPhotos.Testing.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>Images made by the tests themselves, valid and hostile.</summary>
internal static class TestImages
{
    public static byte[] Jpeg(int width = 64, int height = 48, int seed = 1) =>
        Encode(width, height, seed, (image, stream) => image.SaveAsJpeg(stream));

    public static byte[] Png(int width = 64, int height = 48, int seed = 1) =>
        Encode(width, height, seed, (image, stream) => image.SaveAsPng(stream));

    /// <summary>A JPEG whose size is about <paramref name="bytes"/>: noise does not compress.</summary>
    public static byte[] LargeJpeg(int bytes)
    {
        // Quality-100 noise costs about 4.1 bytes a pixel.
        var side = (int)Math.Sqrt(bytes / 4.1);
        var encoder = new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 100 };
        return Encode(side, side, 7, (image, stream) => image.SaveAsJpeg(stream, encoder), noise: true);
    }

    public static byte[] GifBomb() => HostileImages.GifBomb();

    public static byte[] PngDeclaring(int width, int height) => HostileImages.PngDeclaring(width, height);

    public static byte[] HeicHeader() => HostileImages.HeicHeader();

    public static byte[] Truncate(byte[] bytes, double fraction) => HostileImages.Truncate(bytes, fraction);

    private static byte[] Encode(
        int width, int height, int seed, Action<Image, Stream> save, bool noise = false)
    {
        using var image = new Image<Rgb24>(width, height);
        var random = new Random(seed);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = noise
                        ? new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))
                        : new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)(seed * 40));
                }
            }
        });

        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }
}
