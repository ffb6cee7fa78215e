using DaprPhotos.Bench.Thumbnails.Pipelines;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>
/// Checks the warm-up renditions a pipeline wrote: each size within a pixel of the oriented fit, no
/// EXIF, XMP or IPTC, and every "-rot6" photo's thumb equal to its upright twin's thumb turned clockwise.
/// </summary>
public static class RenditionCheck
{
    private const double MostMeanDifference = 10;

    public static string Check(IReadOnlyList<BenchPhoto> photos, string directory, string pipeline)
    {
        if (pipeline == FloorPipeline.Name)
        {
            return "n/a";
        }

        var problems = new List<string>();
        var checkedFiles = 0;
        foreach (var photo in photos)
        {
            foreach (var side in IRenditionPipeline.LongestSides)
            {
                var path = Rendition(directory, photo.Name, side);
                if (!File.Exists(path))
                {
                    problems.Add($"{photo.Name} {side}: missing");
                    continue;
                }

                var bytes = File.ReadAllBytes(path);
                var info = Image.Identify(bytes);
                var (width, height) = IRenditionPipeline.Fit(
                    photo.Oriented.Width, photo.Oriented.Height, side);
                if (info is null || Math.Abs(info.Width - width) > 1 || Math.Abs(info.Height - height) > 1)
                {
                    problems.Add($"{photo.Name} {side}: {info?.Width}x{info?.Height}, not {width}x{height}");
                }

                var metadata = JpegMarkers.PrivateMetadata(bytes);
                if (metadata.Count > 0)
                {
                    problems.Add($"{photo.Name} {side}: keeps {string.Join('+', metadata)}");
                }

                checkedFiles++;
            }
        }

        foreach (var turned in photos.Where(photo => photo.Name.Contains("-rot6.", StringComparison.Ordinal)))
        {
            var upright = turned.Name.Replace("-rot6", "", StringComparison.Ordinal);
            var difference = TurnedDifference(
                Rendition(directory, upright, 256), Rendition(directory, turned.Name, 256));
            if (difference is not < MostMeanDifference)
            {
                problems.Add(
                    $"{turned.Name}: not its twin turned clockwise (mean difference {difference:F0})");
            }
        }

        return problems.Count == 0 ? $"ok ({checkedFiles} files)" : string.Join("; ", problems.Take(4));
    }

    private static string Rendition(string directory, string photo, int side) =>
        Path.Combine(directory, $"{photo}.{side}.jpg");

    // Mean absolute difference per channel after turning the upright thumb a quarter clockwise.
    private static double? TurnedDifference(string uprightPath, string turnedPath)
    {
        if (!File.Exists(uprightPath) || !File.Exists(turnedPath))
        {
            return null;
        }

        using var upright = Image.Load<Rgb24>(uprightPath);
        using var turned = Image.Load<Rgb24>(turnedPath);
        upright.Mutate(context => context.Rotate(RotateMode.Rotate90));
        if (upright.Width != turned.Width || upright.Height != turned.Height)
        {
            return double.MaxValue;
        }

        double total = 0;
        for (var y = 0; y < upright.Height; y++)
        {
            for (var x = 0; x < upright.Width; x++)
            {
                var (a, b) = (upright[x, y], turned[x, y]);
                total += Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B);
            }
        }

        return total / (upright.Width * upright.Height * 3.0);
    }
}
