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

    /// <summary>A GIF of a few dozen bytes whose screen and frame claim 30000 x 30000 pixels.</summary>
    public static byte[] GifBomb() =>
    [
        .. "GIF89a"u8, 0x30, 0x75, 0x30, 0x75, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x30, 0x75, 0x30, 0x75, 0x00,
        0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>A PNG whose header declares 50000 x 50000 pixels and that ends right after.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        byte[] signature = [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Chunk("IHDR", header), .. Chunk("IEND", [])];
    }

    public static byte[] HeicHeader() =>
        [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

    public static byte[] Truncate(byte[] bytes, double fraction) => bytes[..(int)(bytes.Length * fraction)];

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        var crc = Crc32(typeAndData);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), crc);
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
