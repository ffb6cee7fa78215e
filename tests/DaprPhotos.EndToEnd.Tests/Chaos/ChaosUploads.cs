using DaprPhotos.EndToEnd.Tests.Support;

namespace DaprPhotos.EndToEnd.Tests.Chaos;

/// <summary>One file a chaos client uploads: what it is, and whether upload should take it.</summary>
internal sealed record ChaosUpload(
    int Number, string Kind, byte[] Bytes, string FileName, Expectation Expected)
{
    /// <summary>Every title has the run's word, so one search finds every indexed photo.</summary>
    public string Title => $"Chaos {Number} {ChaosUploads.TitleWord}";

    public bool IsBroken => Expected != Expectation.Photo;
}

internal enum Expectation
{
    /// <summary>A real photo: accepted, rendered and indexed unless faults exhaust its retries.</summary>
    Photo,

    /// <summary>Refused by upload's checks with a 4xx answer.</summary>
    RefusedAtTheDoor,

    /// <summary>Accepted (its header and end marker are sound), then failed by thumbnails' decode.</summary>
    FailsToRender,
}

/// <summary>
/// The mix of a chaos run, the same for a seed: about 70 % real small JPEG, PNG, WebP and GIF photos
/// of assorted sizes, the rest broken files of every kind <see cref="BrokenFiles"/> makes.
/// </summary>
internal static class ChaosUploads
{
    public const string TitleWord = "chaosrun";

    private static readonly (string Kind, Func<int, byte[]> Make, Expectation Expected)[] Broken =
    [
        ("truncated JPEG", BrokenFiles.TruncatedJpeg, Expectation.RefusedAtTheDoor),
        ("text, no image signature", BrokenFiles.WrongMagic, Expectation.RefusedAtTheDoor),
        ("HEIC", BrokenFiles.Heic, Expectation.RefusedAtTheDoor),
        ("GIF bomb", _ => BrokenFiles.GifBomb(), Expectation.RefusedAtTheDoor),
        ("PNG with a broken checksum", BrokenFiles.PngWithBrokenChecksum, Expectation.RefusedAtTheDoor),
        ("PNG with scrambled pixels", BrokenFiles.PngWithScrambledPixels, Expectation.FailsToRender),
        ("JPEG without Huffman tables", BrokenFiles.JpegWithoutHuffmanTables, Expectation.FailsToRender),
    ];

    public static IReadOnlyList<ChaosUpload> Make(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(number => random.NextDouble() < 0.7
            ? RealPhoto(number, random)
            : BrokenFile(number, random))];
    }

    private static ChaosUpload RealPhoto(int number, Random random)
    {
        var (width, height) = (random.Next(48, 400), random.Next(48, 400));
        var seed = number * 7919;
        var (kind, bytes, extension) = (number % 4) switch
        {
            0 => ("JPEG", SamplePhotos.Jpeg(width, height, seed), "jpg"),
            1 => ("PNG", SamplePhotos.Png(width, height, seed), "png"),
            2 => ("WebP", SamplePhotos.Webp(width, height, seed), "webp"),
            _ => ("GIF", SamplePhotos.Gif(width, height, seed), "gif"),
        };
        return new(number, kind, bytes, $"{number}.{extension}", Expectation.Photo);
    }

    private static ChaosUpload BrokenFile(int number, Random random)
    {
        var (kind, make, expected) = Broken[random.Next(Broken.Length)];
        return new(number, kind, make(number), $"{number}.jpg", expected);
    }
}
