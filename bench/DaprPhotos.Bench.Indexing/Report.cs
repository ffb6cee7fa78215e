using System.Globalization;
using System.Runtime.InteropServices;

namespace DaprPhotos.Bench.Indexing;

/// <summary>Prints each size as Markdown tables: indexing, its growth, then the queries.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Header(BenchOptions options)
    {
        Line($"# Indexing benchmark, {DateTime.Now:yyyy-MM-dd HH:mm zzz}");
        Line("");
        Line($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
            + $".NET {Environment.Version}, "
            + $"load average at start {LoadAverage()}; indexing {options.Parallelism} photos at a time, seed "
            + $"{options.Seed}.");
    }

    public static void Indexing(IndexingFigures figures)
    {
        var overall = figures.Overall;
        var solo = figures.SoloRoundTrips;
        Line("");
        Line($"## {figures.PhotosAsked:N0} photos");
        Line("");
        if (!figures.Finished)
        {
            Line($"**Indexing stopped at its time budget after {figures.PhotosIndexed:N0} photos**: "
                + "the queries below ran on that partial index.");
            Line("");
        }

        Line("| photos indexed | wall time | photos/s | round-trips per photo, mean | alone: p50 / p99 / max "
            + "| bulk reads per photo | redeliveries | KB written per photo | keys stored |");
        Line("|---|---|---|---|---|---|---|---|---|");
        Line($"| {figures.PhotosIndexed:N0} | {figures.Elapsed:h\\:mm\\:ss} | {overall.PhotosPerSecond:0.0} "
            + $"| {overall.RoundTripsPerPhoto:0.00} | {Timings.Percentile(solo, 50):0} / "
            + $"{Timings.Percentile(solo, 99):0} / {solo.DefaultIfEmpty().Max()} (n={solo.Count}) "
            + $"| {overall.SetReadsPerPhoto:0.000} | {figures.Redeliveries} "
            + $"| {overall.KilobytesWrittenPerPhoto:0.0} "
            + $"| {figures.StoredKeys:N0} |");
        Line("");
        Line("As the index grew:");
        Line("");
        Line("| index size | photos/s | ms per photo | round-trips per photo | bulk reads per photo "
            + "| KB written per photo |");
        Line("|---|---|---|---|---|---|");
        foreach (var stage in figures.Stages)
        {
            Line($"| {stage.IndexSize:N0} | {stage.PhotosPerSecond:0.0} | {stage.MillisecondsPerPhoto:0.0} "
                + $"| {stage.RoundTripsPerPhoto:0.00} | {stage.SetReadsPerPhoto:0.000} "
                + $"| {stage.KilobytesWrittenPerPhoto:0.0} |");
        }
    }

    public static void Queries(IReadOnlyList<QueryFigures> queries)
    {
        var baseline = queries.Single(query => query.Name == QueryRun.BaselineName).Timings.Median;
        Line("");
        Line($"Queries, `GET /search` in process, first page of 20 "
            + $"({queries[0].Timings.Count} timed runs each):");
        Line("");
        Line("| query | median ms | p99 ms | median ÷ baseline | round-trips | keys read | KB read "
            + "| hits |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (var query in queries)
        {
            var name = query.QueryString is { } text ? $"{query.Name}: `{text}`" : query.Name;
            var hits = query.Answer.Succeeded
                ? query.Answer.Hits?.ToString(Invariant) ?? "-"
                : $"**{query.Answer.Describe().Replace('|', '/')}**";
            Line($"| {name} | {query.Timings.Median:0.00} | {query.Timings.P99:0.00} "
                + $"| {query.Timings.Median / baseline:0.0} | {query.RoundTrips} | {query.KeysRead:N0} "
                + $"| {query.ValueBytesRead / 1024.0:N0} | {hits} |");
        }
    }

    public static void Footnote()
    {
        Line("");
        Line("median ÷ baseline: the query's median over the median of one GetBulkState of one small key "
            + "through the same sidecar, i.e. its time in round-trip equivalents. KB read: the stored values "
            + "the query's reads addressed (a read the sidecar refused as too large counts too, like the "
            + "halves that followed it). KB written: request bytes of the photo's writes. Alone: photos "
            + "indexed with nothing else running, one in every 100.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])
            : "n/a";

    private static void Line(string text) => Console.WriteLine(text);
}
