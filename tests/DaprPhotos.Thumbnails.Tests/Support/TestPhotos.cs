using System.Buffers.Binary;
using System.Text;
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

    /// <summary>The first <paramref name="fraction"/> of a file, as a transfer cut short leaves it.</summary>
    public static byte[] Truncate(byte[] bytes, double fraction) => bytes[..(int)(bytes.Length * fraction)];

    /// <summary>A valid PNG of a few dozen bytes whose header declares the size given.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        byte[] signature = [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] emptyDeflate = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
        return
        [
            .. signature, .. PngChunk("IHDR", header), .. PngChunk("IDAT", emptyDeflate), .. PngChunk("IEND", []),
        ];
    }

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

    private static byte[] PngChunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typeAndData));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
