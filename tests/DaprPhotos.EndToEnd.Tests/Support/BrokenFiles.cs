using System.Buffers.Binary;
using DaprPhotos.Testing.Images;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>
/// Files that are no photo, each made from a real one the way files get broken in the wild. The
/// first five are refused by upload at the door (4xx); the last two pass every check upload makes
/// from a header and an end marker, and only a full decode in thumbnails finds them out.
/// </summary>
internal static class BrokenFiles
{
    /// <summary>A JPEG cut short in transfer: no end marker.</summary>
    public static byte[] TruncatedJpeg(int seed) =>
        HostileImages.Truncate(SamplePhotos.Jpeg(96, 64, seed), 0.6);

    /// <summary>A text file named like a photo: no image signature at all.</summary>
    public static byte[] WrongMagic(int seed) =>
        System.Text.Encoding.UTF8.GetBytes($"not a photo, just text number {seed}\n");

    /// <summary>An HEIC file from a phone: a real format that DaprPhotos cannot decode.</summary>
    public static byte[] Heic(int seed) => [.. HostileImages.HeicHeader(), (byte)seed, (byte)(seed >> 8)];

    /// <summary>A GIF of a few bytes claiming 30000 x 30000 pixels.</summary>
    public static byte[] GifBomb() => HostileImages.GifBomb();

    /// <summary>A PNG with one flipped bit in its pixel chunk: the checksum no longer holds.</summary>
    public static byte[] PngWithBrokenChecksum(int seed)
    {
        var png = SamplePhotos.Png(80, 60, seed);
        var (data, length) = PixelChunk(png);
        png[data + (length / 2)] ^= 0x5A;
        return png;
    }

    /// <summary>
    /// A PNG whose compressed pixels were overwritten, checksum recomputed: every chunk is sound, but
    /// the pixel stream cannot be inflated.
    /// </summary>
    public static byte[] PngWithScrambledPixels(int seed)
    {
        var png = SamplePhotos.Png(80, 60, seed);
        var (data, length) = PixelChunk(png);
        var random = new Random(seed);
        random.NextBytes(png.AsSpan(data + 2, length - 6));
        var crc = Crc32(png.AsSpan(data - 4, length + 4));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(data + length), crc);
        return png;
    }

    /// <summary>
    /// A JPEG whose Huffman tables a broken editor dropped: its header and end marker are intact,
    /// but its scan cannot be decoded.
    /// </summary>
    public static byte[] JpegWithoutHuffmanTables(int seed)
    {
        var jpeg = SamplePhotos.Jpeg(96, 64, seed);
        var kept = new List<byte>(jpeg.Length) { jpeg[0], jpeg[1] };
        for (var at = 2; at < jpeg.Length;)
        {
            if (jpeg[at + 1] == 0xDA)
            {
                kept.AddRange(jpeg.AsSpan(at));
                break;
            }

            var segmentLength = 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (jpeg[at + 1] != 0xC4)
            {
                kept.AddRange(jpeg.AsSpan(at, segmentLength));
            }

            at += segmentLength;
        }

        return [.. kept];
    }

    // Where the first IDAT chunk's data starts, and its length.
    private static (int Data, int Length) PixelChunk(byte[] png)
    {
        var type = png.AsSpan().IndexOf("IDAT"u8);
        return (type + 4, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(type - 4)));
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
