using System.Buffers.Binary;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>
/// Walks a JPEG's marker segments up to the first scan: enough to tell its kind and its metadata.
/// </summary>
public static class JpegMarkers
{
    private const byte StartOfFrameProgressive = 0xC2;
    private const byte StartOfScan = 0xDA;

    /// <summary>
    /// True when the frame header is SOF2 (FF C2): all scans are read before any pixel is final.
    /// </summary>
    public static bool IsProgressive(ReadOnlySpan<byte> jpeg) =>
        Segments(jpeg).Any(segment => segment.Marker == StartOfFrameProgressive);

    /// <summary>
    /// Names the metadata segments a rendition must not carry: EXIF and XMP (APP1), IPTC (APP13).
    /// </summary>
    public static IReadOnlyList<string> PrivateMetadata(ReadOnlySpan<byte> jpeg)
    {
        var found = new List<string>();
        foreach (var (marker, payload) in Segments(jpeg))
        {
            var text = System.Text.Encoding.ASCII.GetString(payload.AsSpan(0, Math.Min(payload.Length, 28)));
            if (marker == 0xE1 && text.StartsWith("Exif", StringComparison.Ordinal))
            {
                found.Add("EXIF");
            }
            else if (marker == 0xE1 && text.StartsWith("http://ns.adobe.com/xap", StringComparison.Ordinal))
            {
                found.Add("XMP");
            }
            else if (marker == 0xED)
            {
                found.Add("IPTC");
            }
        }

        return found;
    }

    private static List<(byte Marker, byte[] Payload)> Segments(ReadOnlySpan<byte> jpeg)
    {
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            var end = Math.Min(jpeg.Length, at + 2 + length);
            segments.Add((marker, jpeg[Math.Min(end, at + 4)..end].ToArray()));
            if (marker == StartOfScan)
            {
                break;
            }

            at = end;
        }

        return segments;
    }
}
