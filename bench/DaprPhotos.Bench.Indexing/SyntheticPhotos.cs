using System.Globalization;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Bench.Indexing;

/// <summary>
/// <c>photo-thumbnailed</c> events as thumbnails would publish them for a personal library. Photo n
/// is the same in every run with the same seed, whatever order or parallelism indexes it.
/// </summary>
internal sealed class SyntheticPhotos(int seed)
{
    public const double HalfTagShare = 0.5;

    /// <summary>Capture times spread over seven years, more of them recent.</summary>
    public static readonly DateTimeOffset FirstTaken = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan TakenSpan =
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) - FirstTaken;
    private static readonly DateTimeOffset FirstUpload = new(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly ZipfSampler<string> TitleWords = new(WordList.TitleWords);
    private static readonly ZipfSampler<string> DescriptionWords = new(WordList.DescriptionWords);
    private static readonly ZipfSampler<string> Tags = new(WordList.Tags);

    public PhotoThumbnailed Create(int number)
    {
        var random = new Random(unchecked((seed * 7919) + number));
        var photoId = Convert.ToHexStringLower(RandomBytes(random, 16));
        var uploadedAt = FirstUpload.AddSeconds(30.0 * number);
        var (width, height, orientation) = Shape(random);
        var (make, model) = Camera(random);
        var (latitude, longitude) = Position(random);
        var metadata = new PhotoMetadata(width, height, "JPEG", TakenAt(random), make, model,
            Latitude: latitude, Longitude: longitude, Orientation: orientation);
        var fileName = make is "Apple" or "samsung" or "Google"
            ? string.Create(CultureInfo.InvariantCulture, $"IMG_{random.Next(10_000):0000}.jpg")
            : string.Create(CultureInfo.InvariantCulture, $"DSC{random.Next(100_000):00000}.JPG");
        var upload = new UploadFacts(fileName, Words(random, TitleWords, random.Next(2, 6)),
            random.NextDouble() < 0.65 ? Description(random) : null, TagsOf(random), uploadedAt);
        return new PhotoThumbnailed(
            new Guid(RandomBytes(random, 16)),
            photoId,
            uploadedAt.AddSeconds(5),
            [
                new Rendition("preview", $"rendition/{photoId}/preview-1", "JPEG", 1280, 960, 180_000),
                new Rendition("thumb", $"rendition/{photoId}/thumb-1", "JPEG", 256, 192, 14_000),
            ],
            metadata,
            "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
            "#336699",
            upload);
    }

    private static DateTimeOffset? TakenAt(Random random) =>
        random.NextDouble() < 0.05 ? null : FirstTaken + (TakenSpan * Math.Sqrt(random.NextDouble()));

    private static (int Width, int Height, string Orientation) Shape(Random random) =>
        random.NextDouble() switch
        {
            < 0.60 => (4032, 3024, "Horizontal (normal)"),
            < 0.95 => (3024, 4032, "Rotate 90 CW"),
            _ => (3024, 3024, "Horizontal (normal)"),
        };

    private static (string? Make, string? Model) Camera(Random random)
    {
        if (random.NextDouble() < 0.06)
        {
            return (null, null);
        }

        var pick = random.Next(WordList.Cameras.Sum(camera => camera.Weight));
        foreach (var (make, model, weight) in WordList.Cameras)
        {
            if ((pick -= weight) < 0)
            {
                return (make, model);
            }
        }

        return (null, null);
    }

    /// <summary>Most near one of a few cities (about 5 km either way), some anywhere, some none.</summary>
    private static (double? Latitude, double? Longitude) Position(Random random)
    {
        if (random.NextDouble() < 0.15)
        {
            return (null, null);
        }

        if (random.NextDouble() < 0.08)
        {
            return ((random.NextDouble() * 130) - 60, (random.NextDouble() * 360) - 180);
        }

        var pick = random.Next(WordList.Cities.Sum(city => city.Weight));
        var city = WordList.Cities.First(candidate => (pick -= candidate.Weight) < 0);
        const double KmPerDegree = 111.2;
        var latitude = city.Latitude + (Gaussian(random) * 5 / KmPerDegree);
        var longitude = city.Longitude
            + (Gaussian(random) * 5 / (KmPerDegree * Math.Cos(city.Latitude * Math.PI / 180)));
        return (latitude, longitude);
    }

    private static string Description(Random random)
    {
        var count = random.Next(6, 17);
        var words = Enumerable.Range(0, count)
            .Select(_ => random.NextDouble() < 0.65
                ? DescriptionWords.Next(random)
                : TitleWords.Next(random));
        return string.Join(' ', words);
    }

    private static List<string> TagsOf(Random random)
    {
        var tags = new List<string>();
        if (random.NextDouble() < HalfTagShare)
        {
            tags.Add(WordList.HalfTag);
        }

        tags.AddRange(Enumerable.Range(0, random.Next(4)).Select(_ => Tags.Next(random)).Distinct());
        return tags;
    }

    private static string Words(Random random, ZipfSampler<string> sampler, int count)
    {
        var words = Enumerable.Range(0, count).Select(_ => sampler.Next(random)).Distinct();
        var title = string.Join(' ', words);
        return string.Concat(title[..1].ToUpperInvariant(), title[1..]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
