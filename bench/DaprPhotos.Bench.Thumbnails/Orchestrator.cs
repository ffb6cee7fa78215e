using System.Reflection;
using DaprPhotos.Bench.Thumbnails.Pipelines;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>One pipeline's row: its children on 1 and 2 cores.</summary>
public sealed record PipelineRuns(string Label, string Pipeline, Dictionary<int, ChildResult> ByCores);

/// <summary>
/// The parent: runs every pipeline in its own child process on 1 core and on 2 cores, checks the
/// renditions of each, times PhotoRenderer's phases on one large JPEG, and prints Markdown.
/// </summary>
public sealed class Orchestrator(BenchSettings settings)
{
    private static readonly (string Label, string Pipeline, Dictionary<string, string> Environment)[] Rows =
    [
        ("DaprPhotos PhotoRenderer", DaprPhotosPipeline.Name, []),
        ("NetVips (in-process)", NetVipsPipeline.Name, []),
        ("SkiaSharp (scaled decode)", SkiaSharpPipeline.Name, []),
        ("vipsthumbnail CLI", VipsThumbnailPipeline.Name, []),
        ("DaprPhotos, workstation GC", DaprPhotosPipeline.Name, new() { ["DOTNET_gcServer"] = "0" }),
        ("floor: runtime + corpus, no rendering", FloorPipeline.Name, []),
    ];

    public async Task<int> RunAsync()
    {
        var started = DateTimeOffset.Now;
        var photos = BenchPhoto.LoadCorpus(settings.Corpus);
        var outputs = Directory.CreateTempSubdirectory("daprphotos-bench-thumbnails-").FullName;
        Progress($"{photos.Count} photos; renditions of each pipeline go to {outputs}");

        var runs = new List<PipelineRuns>();
        foreach (var (label, pipeline, environment) in Rows)
        {
            var byCores = new Dictionary<int, ChildResult>();
            foreach (var cores in settings.Cores)
            {
                var directory = Directory
                    .CreateDirectory(Path.Combine(outputs, $"{Slug(label)}-{cores}core"))
                    .FullName;
                Progress($"{label} on {cores} core(s), {cores} worker(s) ...");
                var result = await ChildProcess.RunAsync<ChildResult>(cores, environment, "--child",
                    "--pipeline", pipeline, "--workers", $"{cores}", "--corpus", settings.Corpus,
                    "--seconds", $"{settings.Seconds}", "--outputs", directory);
                Progress(
                    $"  {result.MedianPhotosPerSecond:F2} photos/s, peak {result.PeakKilobytes / 1024} MB");
                byCores[cores] = result;
            }

            runs.Add(new PipelineRuns(label, pipeline, byCores));
        }

        var checks = runs.ToDictionary(run => run.Label, run => RenditionCheck.Check(photos,
            Path.Combine(outputs, $"{Slug(run.Label)}-{settings.Cores[0]}core"), run.Pipeline));

        var phases = new List<(string Photo, List<PhaseTime> Times)>();
        foreach (var photo in settings.PhasePhotos.Where(name => photos.Any(photo => photo.Name == name)))
        {
            Progress($"phases of PhotoRenderer on {photo}, 1 core ...");
            phases.Add((photo, await ChildProcess.RunAsync<List<PhaseTime>>(
                1, new Dictionary<string, string>(), "--phases", photo, "--corpus", settings.Corpus)));
        }

        new Report(settings, photos, runs, checks, phases, started, VersionsOf()).Print(Console.Out);
        return 0;
    }

    private static string VersionsOf() =>
        $"ImageSharp {VersionOf<SixLabors.ImageSharp.Image>()}, " +
        $"NetVips {VersionOf<NetVips.Image>()} with {NetVipsPipeline.LibraryVersion}, " +
        $"SkiaSharp {VersionOf<SkiaSharp.SKCodec>()}, " +
        $"vipsthumbnail ({VipsThumbnailPipeline.LibraryVersion}), " +
        $".NET {Environment.Version}";

    private static string? VersionOf<T>() =>
        typeof(T).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0];

    private static string Slug(string label) =>
        new(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static void Progress(string message) => Console.Error.WriteLine(message);
}

/// <summary>What the command line asked for.</summary>
public sealed record BenchSettings(string Corpus, double Seconds, int[] Cores, string[] PhasePhotos);
