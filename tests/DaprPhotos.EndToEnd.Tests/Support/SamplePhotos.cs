using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>
/// Real photos made by the tests themselves, in the four formats DaprPhotos takes. The seed makes
/// each one's pixels, and so its bytes and content hash, its own.
/// </summary>
internal static class SamplePhotos
{
    public static byte[] Jpeg(int width, int height, int seed, ExifProfile? exif = null) =>
        Encode(width, height, seed, exif, (image, stream) =>
            image.SaveAsJpeg(stream, new JpegEncoder { Quality = 85 }));

    public static byte[] Png(int width, int height, int seed) =>
        Encode(width, height, seed, null, (image, stream) => image.SaveAsPng(stream));

    public static byte[] Webp(int width, int height, int seed) =>
        Encode(width, height, seed, null, (image, stream) =>
            image.SaveAsWebp(stream, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy }));

    public static byte[] Gif(int width, int height, int seed) =>
        Encode(width, height, seed, null, (image, stream) => image.SaveAsGif(stream));

    private static byte[] Encode(
        int width, int height, int seed, ExifProfile? exif, Action<Image, Stream> save)
    {
        using var image = new Image<Rgb24>(width, height);
        var (red, green, blue) = (seed * 37 % 256, seed * 91 % 256, seed * 53 % 256);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24(
                        (byte)(red + (x * 255 / width)),
                        (byte)(green + (y * 255 / height)),
                        (byte)(blue + x + y));
                }
            }
        });
        image.Metadata.ExifProfile = exif;

        using var bytes = new MemoryStream();
        save(image, bytes);
        return bytes.ToArray();
    }
}
