using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using DaprPhotos.Bench.Thumbnails.Pipelines;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>What one pipeline did in its own process; printed as one JSON line for the parent.</summary>
public sealed record ChildResult(
    string Pipeline, int Workers, int Processors, bool ServerGc, double WarmupSeconds,
    List<PassResult> Passes, Dictionary<string, List<double>> PhotoMilliseconds, List<string> Errors,
    double ProcessorMillisecondsPerPhoto, long PeakKilobytes, long LargestChildPeakKilobytes)
{
    public const string Prefix = "RESULT ";

    public double MedianPhotosPerSecond => Passes.Count == 0
        ? 0
        : Statistics.Median(Passes.Select(pass => pass.Photos / pass.Seconds));
}

/// <summary>One pass over the corpus, or the part of it done before the time ran out.</summary>
public sealed record PassResult(int Photos, double Seconds, bool Complete);

/// <summary>
/// The child side: one warm-up pass (its renditions are written for the parent to check), then
/// timed passes until three are done or the time for them is up, then its own peak memory.
/// </summary>
public static class ChildRun
{
    public const int TimedPasses = 3;

    public static async Task<int> RunAsync(string pipelineName, int workers, string corpus, double seconds,
        string outputs)
    {
        var photos = BenchPhoto.LoadCorpus(corpus);
        var pipeline = IRenditionPipeline.Create(pipelineName);
        var milliseconds = photos.ToDictionary(photo => photo.Name, _ => new List<double>());
        var errors = new List<string>();

        var warmup = Stopwatch.StartNew();
        await PassAsync(
            photos, pipeline, workers, TimeSpan.MaxValue, warmup, errors, (photo, renditions, _) =>
            {
                for (var i = 0; i < renditions.Count; i++)
                {
                    var fileName = $"{photo.Name}.{IRenditionPipeline.LongestSides[i]}.jpg";
                    File.WriteAllBytes(Path.Combine(outputs, fileName), renditions[i]);
                }
            });
        warmup.Stop();

        var passes = new List<PassResult>();
        var limit = TimeSpan.FromSeconds(seconds);
        var processorBefore = ProcessorTime();
        var deadline = Stopwatch.StartNew();
        while (passes.Count < TimedPasses && deadline.Elapsed < limit)
        {
            passes.Add(await PassAsync(photos, pipeline, workers, limit, deadline, errors,
                (photo, _, elapsed) => milliseconds[photo.Name].Add(elapsed.TotalMilliseconds)));
        }

        var processorPerPhoto = (ProcessorTime() - processorBefore).TotalMilliseconds
            / Math.Max(1, passes.Sum(pass => pass.Photos));
        (pipeline as IDisposable)?.Dispose();
        var result = new ChildResult(pipelineName, workers, Environment.ProcessorCount, GCSettings.IsServerGC,
            warmup.Elapsed.TotalSeconds, passes, milliseconds, errors.Distinct().ToList(), processorPerPhoto,
            ProcessStats.OwnKilobytes(), ProcessStats.LargestChildKilobytes());
        Console.WriteLine(ChildResult.Prefix + JsonSerializer.Serialize(result));
        return 0;
    }

    // This process's CPU time and that of every vipsthumbnail it has waited for.
    private static TimeSpan ProcessorTime() =>
        Process.GetCurrentProcess().TotalProcessorTime + ProcessStats.ChildrenProcessorTime();

    private static async Task<PassResult> PassAsync(
        IReadOnlyList<BenchPhoto> photos,
        IRenditionPipeline pipeline,
        int workers,
        TimeSpan limit,
        Stopwatch deadline,
        List<string> errors,
        Action<BenchPhoto, IReadOnlyList<byte[]>, TimeSpan> done)
    {
        var rendered = 0;
        var pass = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        await Parallel.ForEachAsync(photos, options, async (photo, _) =>
        {
            if (deadline.Elapsed >= limit)
            {
                return;
            }

            var one = Stopwatch.StartNew();
            try
            {
                var renditions = await pipeline.RenderAsync(photo);
                one.Stop();
                lock (errors)
                {
                    done(photo, renditions, one.Elapsed);
                    rendered++;
                }
            }
            catch (Exception ex)
            {
                // A peer that cannot read a photo is reported in the table, not allowed to stop the run.
                lock (errors)
                {
                    errors.Add($"{photo.Name}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        });

        return new PassResult(rendered, pass.Elapsed.TotalSeconds, rendered == photos.Count);
    }
}
