using DaprPhotos.Testing.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>Photos made by the tests themselves, valid and broken: no binary files to keep.</summary>
internal static class TestPhotos
{
    public static readonly Rgb24 Red = new(220, 20, 20);

    public static readonly Rgb24 Blue = new(20, 20, 220);

    /// <summary>A JPEG of a smooth colour gradient, so every part of the scan carries data.</summary>
    public static byte[] Jpeg(int width, int height, Action<Image<Rgb24>>? decorate = null)
    {
        using var image = Gradient(width, height);
        decorate?.Invoke(image);
        return Save(image, (picture, stream) => picture.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 }));
    }

    /// <summary>
    /// Stored 400 x 300, top half red and bottom half blue, with EXIF orientation 6: a camera held
    /// upright, so the photo shows 300 x 400 with the stored top on the right.
    /// </summary>
    public static byte[] RotatedJpeg()
    {
        using var image = new Image<Rgb24>(400, 300);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                rows.GetRowSpan(y).Fill(y < rows.Height / 2 ? Red : Blue);
            }
        });
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        return Save(image, (picture, stream) => picture.SaveAsJpeg(stream));
    }

    public static byte[] Tiff(int width, int height)
    {
        using var image = Gradient(width, height);
        return Save(image, (picture, stream) => picture.SaveAsTiff(stream));
    }

    public static byte[] Truncate(byte[] bytes, double fraction) => HostileImages.Truncate(bytes, fraction);

    public static byte[] PngDeclaring(int width, int height) => HostileImages.PngDeclaring(width, height);

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
                    var (red, green) = (x * 255 / width, y * 255 / height);
                    row[x] = new Rgb24((byte)red, (byte)green, (byte)((x + y) % 256));
                }
            }
        });
        return image;
    }

    private static byte[] Save(Image image, Action<Image, Stream> save)
    {
        using var bytes = new MemoryStream();
        save(image, bytes);
        return bytes.ToArray();
    }
}
