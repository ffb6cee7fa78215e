using System.Globalization;
using System.Runtime.InteropServices;
using DaprPhotos.Bench.Indexing;

// Indexes 10,000 and 100,000 synthetic photos with the indexing service's own code, then times its
// typical searches through GET /search against one sidecar round-trip measured in the same run
// (bench/README.md). The service and its test sidecar both run in this process.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);

// Every await below gives up once this fires, so the run always ends by itself; Ctrl+C and SIGTERM
// fire it too, so they end the run through the disposals.
using var stopping = new CancellationTokenSource(options.RunBudget);
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopRun);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopRun);

#if DEBUG
Progress.Write($"A Debug build: run with -c Release for numbers worth comparing.");
#endif

Report.Header(options);
var photos = new SyntheticPhotos(options.Seed);
foreach (var photoCount in options.PhotoCounts)
{
    Progress.Write($"{photoCount:N0} photos: starting the indexing service beside a fresh test sidecar");
    await using var host = await IndexingHost.StartAsync(stopping.Token);

    Progress.Write($"Indexing {photoCount:N0} photos, {options.Parallelism} at a time...");
    var indexing = await new IndexingRun(host, options, stopping.Token).RunAsync(photoCount, photos);
    Report.Indexing(indexing);

    Progress.Write($"Timing {BenchQueries.All.Count} queries and the baseline...");
    var baselineKey = $"photo/{photos.Create(0).PhotoId}";
    var queries = await new QueryRun(host, stopping.Token).RunAsync(
        BenchQueries.All, baselineKey, options.QueryBudget);
    Report.Queries(queries);
}

Report.Footnote();

void StopRun(PosixSignalContext signal)
{
    signal.Cancel = true;
    stopping.Cancel();
}
