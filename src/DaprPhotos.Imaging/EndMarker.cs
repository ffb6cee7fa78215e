using System.Buffers.Binary;

namespace DaprPhotos.Imaging;

/// <summary>
/// Whether a file's last bytes close it the way its format requires, so a transfer cut short is
/// caught before it is stored as a photo. Decoders forgive truncation (they paint the rest grey).
/// </summary>
public static class EndMarker
{
    /// <summary>How many final bytes the check needs to see.</summary>
    public const int TailLength = 64;

    private static readonly byte[] PngEnd =
        [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <param name="head">The first bytes (for WebP's declared length).</param>
    /// <param name="tail">The last bytes, up to <see cref="TailLength"/>.</param>
    public static bool IsComplete(
        PhotoFormat format, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, long length)
    {
        if (format == PhotoFormat.Jpeg)
        {
            // Entropy-coded data escapes 0xFF, so FF D9 near the end can only be the EOI marker;
            // some cameras pad or append a short trailer after it.
            return tail.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
        }

        if (format == PhotoFormat.Png)
        {
            return tail.EndsWith(PngEnd);
        }

        if (format == PhotoFormat.Gif)
        {
            return tail.Length > 0 && tail[^1] == 0x3B;
        }

        // A RIFF file declares its own size after the tag; a shorter file was cut.
        return head.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(head[4..8]) + 8L <= length;
    }
}
