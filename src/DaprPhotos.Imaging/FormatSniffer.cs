using System.Text;

namespace DaprPhotos.Imaging;

/// <summary>
/// Tells the format from the first bytes, never from a file name or a client's Content-Type.
/// Known formats that are refused (HEIC, AVIF, TIFF, BMP) are named, so the answer can say so.
/// </summary>
public static class FormatSniffer
{
    /// <summary>Enough bytes for every signature checked here.</summary>
    public const int HeadLength = 32;

    public static SniffResult Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SniffResult.Accepted(PhotoFormat.Jpeg);
        }

        if (head.StartsWith(
            (ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SniffResult.Accepted(PhotoFormat.Png);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return SniffResult.Accepted(PhotoFormat.Gif);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffResult.Accepted(PhotoFormat.Webp);
        }

        return SniffResult.Refused(NameUnsupported(head));
    }

    private static string NameUnsupported(ReadOnlySpan<byte> head)
    {
        // ISO base media files (HEIC, AVIF) carry their brand in an ftyp box at offset 4.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return brand switch
            {
                "avif" or "avis" => "AVIF",
                "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1" => "HEIC",
                _ => $"an ISO media file ({brand.Trim()})",
            };
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return "TIFF";
        }

        return head.StartsWith("BM"u8) ? "BMP" : "an unrecognised format";
    }
}

/// <summary>Either an accepted format or the name of what was sent instead.</summary>
public sealed record SniffResult(PhotoFormat? Format, string? RefusedName)
{
    public static SniffResult Accepted(PhotoFormat format) => new(format, null);

    public static SniffResult Refused(string name) => new(null, name);
}
