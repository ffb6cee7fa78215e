using System.Net;
using System.Runtime.InteropServices;
using DaprPhotos.Bench.Upload;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Hosting;

// Upload throughput for 2 MB and 20 MB photos and memory during a 20 MB upload, of the upload service
// and of a baseline app that only reads the request body, measured in the same run (bench/README.md).
// Both apps run as child processes on loopback; the upload service's test sidecar runs in here.
const int WarmUpUploads = 5;
const int MemoryRepeats = 3;
const int SmallUploads = 20;
const int LargeUploads = 10;
var phaseBudget = TimeSpan.FromSeconds(120);

// Every await below gives up once this fires, so the run always ends by itself. Ctrl+C and SIGTERM
// fire it too, so they end the run the way an error does: through the disposals that kill the children.
using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(10));
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopRun);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopRun);

#if DEBUG
Console.WriteLine("A Debug build, like the apps it starts: run with -c Release for numbers worth comparing.");
#endif

Console.WriteLine("Encoding the test photos (random noise at JPEG quality 100, which does not compress)...");
var small = BenchPhoto.Create("2 MB", 2_000_000, seed: 2);
var large = BenchPhoto.Create("20 MB", 20_000_000, seed: 20);

// The real clock: the test sidecar's default 100x clock would cut the 10 s storage timeout to 100 ms.
await using var environment = DaprTestEnvironment.ForRepository(
    new DaprTestEnvironmentOptions { Time = TimeProvider.System });
var sidecar = await environment.StartSidecarAsync(AppIds.Upload);

Console.WriteLine("Starting the upload service and the baseline as child processes...");
await using var service = ChildApp.Start(
    "upload service", ChildApp.BuiltAssembly("UploadServiceAssembly"), sidecar.AppSettings);
await using var baseline = ChildApp.Start(
    "baseline", ChildApp.BuiltAssembly("BaselineAssembly"), new Dictionary<string, string?>());
using var client = new UploadClient();
await service.WaitReadyAsync(client.Http, "/health", stopping.Token);
await baseline.WaitReadyAsync(client.Http, "/", stopping.Token);

// The service subscribes to its own photo-uploaded events (listings): let the sidecar deliver them.
using var appHandler = new LoopbackAppHandler(service.BaseAddress);
await sidecar.ConnectAppAsync(appHandler, stopping.Token);

var run = new BenchRun(
    client,
    new UploadTarget(baseline, "/upload", HttpStatusCode.OK),
    new UploadTarget(service, "/photos", HttpStatusCode.Accepted),
    () => environment.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30), stopping.Token),
    stopping.Token);

// Small photos only, so the first 20 MB upload below still shows what 20 MB costs a warm process.
Console.WriteLine($"Warming up ({WarmUpUploads} x {small.Label} each)...");
await run.WarmUpAsync(small, WarmUpUploads);

Console.WriteLine($"Sampling RSS every 5 ms during {MemoryRepeats} x {large.Label} uploads each...");
var (baselineMemory, serviceMemory) = await run.MeasureMemoryAsync(large, MemoryRepeats);

Console.WriteLine($"Timing {SmallUploads} x {small.Label} and {LargeUploads} x {large.Label} each...");
var (baselineSmall, serviceSmall) = await run.MeasureThroughputAsync(small, SmallUploads, phaseBudget);
var (baselineLarge, serviceLarge) = await run.MeasureThroughputAsync(large, LargeUploads, phaseBudget);

Report.Header(small, large);
Report.Throughput(small, baselineSmall, serviceSmall);
Report.Throughput(large, baselineLarge, serviceLarge);
Report.Memory(large, baselineMemory, serviceMemory);
Report.Lifetime(baseline, service);
Report.Footnote();

void StopRun(PosixSignalContext signal)
{
    signal.Cancel = true;
    stopping.Cancel();
}
