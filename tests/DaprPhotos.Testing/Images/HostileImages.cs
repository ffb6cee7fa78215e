using System.Buffers.Binary;
using System.Text;

namespace DaprPhotos.Testing.Images;

/// <summary>
/// Hand-built image bytes that lie about themselves, for tests of every service that reads
/// untrusted images: tiny files declaring enormous sizes, formats DaprPhotos refuses, cut files.
/// </summary>
public static class HostileImages
{
    /// <summary>A GIF of a few dozen bytes whose screen and only frame claim 30000 x 30000 pixels.</summary>
    public static byte[] GifBomb() =>
    [
        .. "GIF89a"u8, 0x30, 0x75, 0x30, 0x75, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x30, 0x75, 0x30, 0x75, 0x00,
        0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>
    /// A complete, valid PNG (right CRCs) whose header declares the given size and holds no pixels.
    /// </summary>
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
            .. signature,
            .. PngChunk("IHDR", header),
            .. PngChunk("IDAT", emptyDeflate),
            .. PngChunk("IEND", []),
        ];
    }

    /// <summary>The start of an HEIC file: an ftyp box with the heic brand.</summary>
    public static byte[] HeicHeader() =>
        [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

    /// <summary>The first <paramref name="fraction"/> of a file, as a transfer cut short leaves it.</summary>
    public static byte[] Truncate(byte[] bytes, double fraction) => bytes[..(int)(bytes.Length * fraction)];

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
