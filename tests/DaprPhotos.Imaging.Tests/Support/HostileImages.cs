using System.Buffers.Binary;
using System.Text;

namespace DaprPhotos.Imaging.Tests.Support;

/// <summary>
/// Hand-built files that lie about their size or are not photos at all (thumbnail-perf-security.md §6).
/// Each is a few dozen bytes, so only the declared size, never the data, can make them expensive.
/// </summary>
internal static class HostileImages
{
    public const int HugeSide = 30_000;
    public const int HugePngSide = 50_000;

    /// <summary>A GIF whose logical screen and only frame declare 30000 x 30000 (3.6 GB as RGBA).</summary>
    public static byte[] HugeGif { get; } =
    [
        .. "GIF89a"u8,
        0x30, 0x75, 0x30, 0x75, 0x80, 0x00, 0x00, // logical screen 30000 x 30000, a 2-colour global table
        0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x30, 0x75, 0x30, 0x75, 0x00, // one frame at 0,0 of 30000 x 30000
        0x02, 0x02, 0x44, 0x01, 0x00, // LZW: minimum code size 2, one sub-block, end of data
        0x3B,
    ];

    /// <summary>A PNG whose IHDR declares 50000 x 50000 RGBA, followed at once by IEND.</summary>
    public static byte[] HugePng { get; } = BuildHugePng();

    /// <summary>A JPEG whose SOF0 declares 30000 x 30000 in three components, and then ends.</summary>
    public static byte[] HugeJpeg { get; } =
    [
        0xFF, 0xD8,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03,
        0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    ];

    public static byte[] Heic { get; } = IsoMediaHeader("heic", "mif1");

    public static byte[] Avif { get; } = IsoMediaHeader("avif", "mif1");

    public static byte[] Mp4 { get; } = IsoMediaHeader("isom", "mp41");

    public static byte[] Text { get; } = "Dear all, the holiday photos are attached.\n"u8.ToArray();

    public static byte[] Empty { get; } = [];

    // A fixed seed keeps the bytes the same on every run; these do not start with any signature.
    public static byte[] Random { get; } = RandomBytes(512);

    /// <summary>A valid JFIF header followed by noise: decoders get further than with noise alone.</summary>
    public static byte[] JfifThenRandom { get; } =
    [
        0xFF, 0xD8, // SOI, then an APP0 JFIF segment of 16 bytes
        0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        .. RandomBytes(512),
    ];

    private static byte[] BuildHugePng()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, HugePngSide);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), HugePngSide);
        header[8] = 8; // bit depth; colour type 6 (RGBA) below, compression, filter and interlace 0
        header[9] = 6;

        return [0x89, .. "PNG\r\n\u001A\n"u8, .. Chunk("IHDR", header), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[4 + typeAndData.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        var crc = Crc32.Compute(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typeAndData.Length), crc);
        return chunk;
    }

    private static byte[] IsoMediaHeader(string majorBrand, string compatibleBrand)
    {
        // An ftyp box: size, "ftyp", major brand, minor version, compatible brands.
        var major = Encoding.ASCII.GetBytes(majorBrand);
        return [0x00, 0x00, 0x00, 0x18, .. "ftyp"u8, .. major, 0x00, 0x00, 0x00, 0x00,
            .. Encoding.ASCII.GetBytes(compatibleBrand), .. major];
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(20_240_415).NextBytes(bytes);
        return bytes;
    }
}
