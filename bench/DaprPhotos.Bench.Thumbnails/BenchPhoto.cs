using DaprPhotos.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>One corpus photo: its bytes in memory and what the tables say about it.</summary>
public sealed record BenchPhoto(
    string Name, string Path, string Source, string Kind, byte[] Bytes, PhotoFormat Format,
    int Width, int Height, int Orientation, bool Progressive)
{
    public double Megapixels => Width * (double)Height / 1_000_000;

    /// <summary>The row of the per-class table this photo counts in.</summary>
    public string Class => Format == PhotoFormat.Jpeg
        ? $"JPEG {(Progressive ? "progressive" : "baseline")} {(Megapixels >= 12 ? "12-24 MP" : "< 12 MP")}"
        : Format.Name;

    /// <summary>Width and height after EXIF orientation: 5 to 8 turn the picture a quarter.</summary>
    public (int Width, int Height) Oriented => Orientation >= 5 ? (Height, Width) : (Width, Height);

    /// <summary>
    /// Reads bench/corpus/corpus.tsv (written by bench/thumbnails.sh) and every photo it lists.
    /// </summary>
    public static IReadOnlyList<BenchPhoto> LoadCorpus(string corpusDirectory)
    {
        var manifest = System.IO.Path.Combine(corpusDirectory, "corpus.tsv");
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException(
                $"No corpus manifest at {manifest}: run bench/thumbnails.sh first.");
        }

        return File.ReadLines(manifest)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(columns => Load(corpusDirectory, columns[0], columns[1], columns[3]))
            .ToList();
    }

    private static BenchPhoto Load(string corpusDirectory, string name, string source, string kind)
    {
        var path = System.IO.Path.Combine(corpusDirectory, "photos", name);
        var bytes = File.ReadAllBytes(path);
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, FormatSniffer.HeadLength));
        var format = FormatSniffer.Detect(head).Format
            ?? throw new InvalidDataException($"{name} is not a JPEG, PNG, GIF or WebP.");
        var info = Image.Identify(SafeImageConfiguration.Create(), new MemoryStream(bytes, writable: false))
            ?? throw new InvalidDataException($"{name} cannot be identified.");
        var orientation = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? 1;
        return new BenchPhoto(name, path, source, kind, bytes, format, info.Width, info.Height, orientation,
            format == PhotoFormat.Jpeg && JpegMarkers.IsProgressive(bytes));
    }
}
