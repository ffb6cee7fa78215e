using System.Globalization;
using DaprPhotos.Bench.Thumbnails.Pipelines;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>
/// The Markdown the benchmark prints: the corpus, throughput and memory, time by class and by phase.
/// </summary>
public sealed class Report(
    BenchSettings settings, IReadOnlyList<BenchPhoto> photos, IReadOnlyList<PipelineRuns> runs,
    IReadOnlyDictionary<string, string> checks, IReadOnlyList<(string Photo, List<PhaseTime> Times)> phases,
    DateTimeOffset started, string versions)
{
    private static readonly string[] Peers =
        [NetVipsPipeline.Name, SkiaSharpPipeline.Name, VipsThumbnailPipeline.Name];

    private PipelineRuns DaprPhotos => runs[0];

    private PipelineRuns? Floor => runs.FirstOrDefault(run => run.Pipeline == FloorPipeline.Name);

    public void Print(TextWriter output)
    {
        output.WriteLine($"## Thumbnail benchmark, {started:yyyy-MM-dd HH:mm zzz}");
        output.WriteLine();
        output.WriteLine($"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB. {versions}.");
        output.WriteLine(
            $"Rendition set per photo: preview 1280 px + thumb 256 px (longest side), JPEG q80, " +
            $"EXIF-oriented, metadata stripped. Each pipeline runs in its own child process " +
            $"pinned with taskset to N cores with N parallel workers; 1 warm-up pass, then up to " +
            $"{ChildRun.TimedPasses} timed passes within {settings.Seconds:0} s; median pass.");
        output.WriteLine();
        PrintThroughput(output);
        PrintClasses(output);
        PrintPhases(output);
        PrintCorpus(output);
    }

    private void PrintThroughput(TextWriter output)
    {
        var (one, two) = (settings.Cores[0], settings.Cores[^1]);
        output.WriteLine(
            $"| pipeline | photos/s, {one} core | photos/s, {two} cores | " +
            $"DaprPhotos ÷ peer, speed ({one} / {two} cores) | " +
            $"CPU ms per photo ({one} / {two} cores) | " +
            $"DaprPhotos ÷ peer, speed by CPU time ({one} / {two}) | " +
            $"peak RSS MB ({one} / {two} cores) | above floor MB ({one} / {two}) | " +
            $"DaprPhotos ÷ peer, memory above floor ({one} / {two}) | timed passes | renditions checked |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            var peer = Peers.Contains(run.Pipeline);
            output.WriteLine($"| {run.Label} | {Speed(run, one)} | {Speed(run, two)} | " +
                $"{(peer ? $"{SpeedRatio(run, one)} / {SpeedRatio(run, two)}" : "–")} | " +
                $"{Cpu(run, one)} / {Cpu(run, two)} | " +
                $"{(peer ? $"{CpuRatio(run, one)} / {CpuRatio(run, two)}" : "–")} | " +
                $"{Mb(run.ByCores[one].PeakKilobytes)} / {Mb(run.ByCores[two].PeakKilobytes)} | " +
                $"{AboveFloor(run, one)} / {AboveFloor(run, two)} | " +
                $"{(peer ? $"{MemoryRatio(run, one)} / {MemoryRatio(run, two)}" : "–")} | " +
                $"{Passes(run, one)} / {Passes(run, two)} | {Errors(run)}{checks[run.Label]} |");
        }

        output.WriteLine();
        output.WriteLine(
            "Ratios > 1 favour DaprPhotos: it makes more rendition sets per second (wall clock), or " +
            "spends less CPU time per set (user + system time of the child and its vipsthumbnail " +
            "processes over the timed passes: steadier than the wall clock on a shared machine), or " +
            "needs less memory. Memory: VmHWM of the child at exit; \"above floor\" subtracts the " +
            "floor row (runtime + the corpus held in memory, the same in every child). " +
            "vipsthumbnail†: the largest single vipsthumbnail process " +
            "(getrusage of the children), with 2 workers two of them run at once. All children: " +
            "MALLOC_ARENA_MAX=2; .NET GC as the service runs it (Server GC) unless the row says otherwise.");
        output.WriteLine();
    }

    private void PrintClasses(TextWriter output)
    {
        var one = settings.Cores[0];
        var measured = runs.Where(run => run.Pipeline != FloorPipeline.Name).ToList();
        output.WriteLine(
            $"Time per class of photo, {one} core: sum of each photo's median ms over the timed passes " +
            "(DaprPhotos ÷ fastest peer in brackets: > 1 means DaprPhotos is slower).");
        output.WriteLine();
        output.WriteLine($"| class | photos | {string.Join(" | ", measured.Select(run => run.Label))} |");
        output.WriteLine($"|---|---|{string.Concat(measured.Select(_ => "---|"))}");
        var classes = photos
            .GroupBy(photo => photo.Class)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in classes)
        {
            var sums = measured.ToDictionary(run => run.Label, run => group.Sum(photo =>
                Statistics.Median(run.ByCores[one].PhotoMilliseconds.GetValueOrDefault(photo.Name) ?? [])));
            var fastestPeer = measured.Where(run => Peers.Contains(run.Pipeline)).Min(run => sums[run.Label]);
            var cells = measured.Select(run => run == DaprPhotos
                ? $"{sums[run.Label]:F0} ({sums[run.Label] / fastestPeer:F2}×)"
                : $"{sums[run.Label]:F0}");
            output.WriteLine($"| {group.Key} | {group.Count()} | {string.Join(" | ", cells)} |");
        }

        output.WriteLine();
    }

    private void PrintPhases(TextWriter output)
    {
        foreach (var (photo, times) in phases)
        {
            var described = photos.Single(candidate => candidate.Name == photo);
            var steps = times
                .Where(time => !time.Phase.Contains("comparison", StringComparison.Ordinal))
                .ToList();
            var total = steps.Sum(time => time.Milliseconds);
            output.WriteLine(
                $"Where PhotoRenderer's time goes: {photo} ({described.Width}x{described.Height}, " +
                $"{(described.Progressive ? "progressive" : "baseline")} JPEG, " +
                $"EXIF orientation {described.Orientation}), " +
                "1 core, median of 7 after 2 warm-ups.");
            output.WriteLine();
            output.WriteLine("| phase | ms | share |");
            output.WriteLine("|---|---|---|");
            foreach (var time in steps)
            {
                output.WriteLine(
                    $"| {time.Phase} | {time.Milliseconds:F1} | {time.Milliseconds / total:P0} |");
            }

            output.WriteLine($"| sum of the phases | {total:F1} | 100 % |");
            foreach (var time in times.Except(steps))
            {
                output.WriteLine($"| {time.Phase} | {time.Milliseconds:F1} | |");
            }

            output.WriteLine();
        }
    }

    private void PrintCorpus(TextWriter output)
    {
        output.WriteLine(
            $"Corpus: {photos.Count} files, {photos.Sum(photo => photo.Bytes.Length) / 1e6:F1} MB.");
        output.WriteLine();
        output.WriteLine("| file | from | kind | class | size | MP | EXIF orientation |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var photo in photos)
        {
            output.WriteLine($"| {photo.Name} | {photo.Source} | {photo.Kind} | {photo.Class} | " +
                $"{photo.Width}x{photo.Height} | {photo.Megapixels:F1} | {photo.Orientation} |");
        }

        output.WriteLine();
    }

    private static string Speed(PipelineRuns run, int cores) =>
        run.Pipeline == FloorPipeline.Name
            ? "–"
            : run.ByCores[cores].MedianPhotosPerSecond.ToString("F2", CultureInfo.InvariantCulture);

    private string SpeedRatio(PipelineRuns run, int cores) =>
        $"{DaprPhotos.ByCores[cores].MedianPhotosPerSecond / run.ByCores[cores].MedianPhotosPerSecond:F2}×";

    private static string Cpu(PipelineRuns run, int cores) => run.Pipeline == FloorPipeline.Name
        ? "–"
        : run.ByCores[cores].ProcessorMillisecondsPerPhoto.ToString("F0", CultureInfo.InvariantCulture);

    private string CpuRatio(PipelineRuns run, int cores) =>
        $"{run.ByCores[cores].ProcessorMillisecondsPerPhoto
            / DaprPhotos.ByCores[cores].ProcessorMillisecondsPerPhoto:F2}×";

    private string AboveFloor(PipelineRuns run, int cores) => run.Pipeline switch
    {
        FloorPipeline.Name => "0",
        VipsThumbnailPipeline.Name => $"{Mb(run.ByCores[cores].LargestChildPeakKilobytes)}†",
        _ => Mb(AboveFloorKilobytes(run, cores)),
    };

    private long AboveFloorKilobytes(PipelineRuns run, int cores) =>
        run.Pipeline == VipsThumbnailPipeline.Name
            ? run.ByCores[cores].LargestChildPeakKilobytes
            : run.ByCores[cores].PeakKilobytes - (Floor?.ByCores[cores].PeakKilobytes ?? 0);

    private string MemoryRatio(PipelineRuns run, int cores) =>
        $"{AboveFloorKilobytes(DaprPhotos, cores) / (double)AboveFloorKilobytes(run, cores):F2}×";

    private static string Passes(PipelineRuns run, int cores)
    {
        var passes = run.ByCores[cores].Passes;
        return passes.All(pass => pass.Complete)
            ? $"{passes.Count}"
            : $"{passes.Count(pass => pass.Complete)}+part";
    }

    private static string Errors(PipelineRuns run)
    {
        var errors = run.ByCores.Values.SelectMany(result => result.Errors).Distinct().ToList();
        return errors.Count == 0 ? "" : $"errors: {string.Join("; ", errors.Take(3))}; ";
    }

    private static string Mb(long kilobytes) => $"{kilobytes / 1024.0:F0}";

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1]
            .Trim() ?? "unknown CPU";
}
