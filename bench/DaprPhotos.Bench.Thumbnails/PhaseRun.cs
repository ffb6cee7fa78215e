using System.Diagnostics;
using DaprPhotos.Bench.Thumbnails.Pipelines;
using DaprPhotos.Imaging;
using DaprPhotos.Thumbnails;
using DaprPhotos.Thumbnails.Rendering;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>
/// Where PhotoRenderer's time goes for one photo: its steps replayed with the same ImageSharp calls
/// and configuration, each timed on its own, next to the renderer's own total and two Skia decodes
/// of the same file for scale. Printed as one JSON line like a child's result.
/// </summary>
public static class PhaseRun
{
    private const int Warmups = 2;
    private const int Runs = 7;

    public static async Task<int> RunAsync(string corpus, string photoName)
    {
        var photo = BenchPhoto.LoadCorpus(corpus).Single(photo => photo.Name == photoName);
        var configuration = SafeImageConfiguration.Create();
        var renderer = new PhotoRenderer(configuration, Options.Create(new ThumbnailOptions()));
        var phases = new Dictionary<string, List<double>>();

        for (var run = 0; run < Warmups + Runs; run++)
        {
            var times = await ReplayAsync(photo, configuration, renderer);
            if (run >= Warmups)
            {
                foreach (var (phase, milliseconds) in times)
                {
                    (phases.TryGetValue(phase, out var list) ? list : phases[phase] = []).Add(milliseconds);
                }
            }
        }

        var medians = phases
            .Select(phase => new PhaseTime(phase.Key, Statistics.Median(phase.Value)))
            .ToList();
        Console.WriteLine(ChildResult.Prefix + System.Text.Json.JsonSerializer.Serialize(medians));
        return 0;
    }

    private static async Task<List<(string, double)>> ReplayAsync(
        BenchPhoto photo, Configuration configuration, PhotoRenderer renderer)
    {
        var times = new List<(string, double)>();
        var clock = Stopwatch.StartNew();
        double Lap()
        {
            var elapsed = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            return elapsed;
        }

        using var image = await Image.LoadAsync(
            configuration, new MemoryStream(photo.Bytes, writable: false));
        times.Add(("decode (Image.LoadAsync, full size)", Lap()));

        image.Mutate(context => context.AutoOrient());
        times.Add(("orient (AutoOrient)", Lap()));

        ExifMetadataReader.Read(image, photo.Format.Name);
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        times.Add(("EXIF metadata read, profiles cleared", Lap()));

        Image current = image;
        foreach (var side in IRenditionPipeline.LongestSides)
        {
            var (width, height) = IRenditionPipeline.Fit(current.Width, current.Height, side);
            var next = current.Clone(context => context.Resize(width, height));
            times.Add(($"resize to {side} px (from {current.Width}x{current.Height})", Lap()));
            if (current != image)
            {
                current.Dispose();
            }

            current = next;
            using var bytes = new MemoryStream();
            current.Save(bytes, new JpegEncoder { Quality = IRenditionPipeline.JpegQuality });
            times.Add(($"encode {side} px JPEG q80", Lap()));
        }

        using (var tiny = current.CloneAs<Rgb24>())
        {
            var (width, height) = IRenditionPipeline.Fit(tiny.Width, tiny.Height, 32);
            tiny.Mutate(context => context.Resize(width, height));
            BlurHash.Encode(tiny);
            DominantColor.Of(tiny);
        }

        current.Dispose();
        times.Add(("placeholder: BlurHash and dominant colour", Lap()));

        await renderer.RenderAsync(new MemoryStream(photo.Bytes, writable: false), photo.Format,
            CancellationToken.None);
        times.Add(("PhotoRenderer.RenderAsync, whole set (for comparison)", Lap()));

        using var data = SKData.CreateCopy(photo.Bytes);
        foreach (var scale in new[] { 1f, 0.25f })
        {
            using var codec = SKCodec.Create(data);
            var size = codec.GetScaledDimensions(scale);
            using var bitmap = new SKBitmap(size.Width, size.Height);
            codec.GetPixels(bitmap.Info, bitmap.GetPixels());
            var label = $"Skia decode at {size.Width}x{size.Height} (for comparison)";
            times.Add((label, clock.Elapsed.TotalMilliseconds));
            clock.Restart();
        }

        return times;
    }
}

public sealed record PhaseTime(string Phase, double Milliseconds);
