using System.Diagnostics;

namespace DaprPhotos.Bench.Upload;

/// <summary>
/// The phases of one run. Every phase alternates the two apps upload by upload, and which goes first,
/// so a noisy neighbour on the shared machine slows both alike instead of whichever ran during it.
/// </summary>
internal sealed class BenchRun(
    UploadClient client,
    UploadTarget baseline,
    UploadTarget service,
    Func<Task> settle,
    CancellationToken stopping)
{
    /// <summary>Runs the upload path in each app, so JIT and first use stay out of the numbers.</summary>
    public async Task WarmUpAsync(BenchPhoto photo, int uploads)
    {
        for (var round = 0; round < uploads; round++)
        {
            foreach (var target in InOrder(round))
            {
                await client.UploadAsync(target, photo.NextVariant(), stopping);
            }
        }

        await settle();
    }

    public async Task<(MemoryUse Baseline, MemoryUse Service)> MeasureMemoryAsync(
        BenchPhoto photo, int repeats)
    {
        var memory = new Dictionary<UploadTarget, MemoryUse>
        {
            [baseline] = MemoryUse.None,
            [service] = MemoryUse.None,
        };
        for (var round = 0; round < repeats; round++)
        {
            foreach (var target in InOrder(round))
            {
                var bytes = photo.NextVariant();

                // The service's own photo-uploaded deliveries would otherwise land inside the next sample.
                await settle();
                var before = RssSampler.ReadBytes(target.App.ProcessId, "VmRSS");
                using var sampler = RssSampler.Start(target.App.ProcessId);
                await client.UploadAsync(target, bytes, stopping);
                var peak = sampler.StopAndReadPeak();

                memory[target] = memory[target].With(peak - before, peak);
            }
        }

        return (memory[baseline], memory[service]);
    }

    /// <summary>At most <paramref name="uploads"/> rounds, and no new one past the budget.</summary>
    public async Task<(UploadTimes Baseline, UploadTimes Service)> MeasureThroughputAsync(
        BenchPhoto photo, int uploads, TimeSpan budget)
    {
        var times = new Dictionary<UploadTarget, UploadTimes> { [baseline] = new(), [service] = new() };
        var elapsed = Stopwatch.StartNew();
        for (var round = 0; round < uploads && elapsed.Elapsed < budget; round++)
        {
            foreach (var target in InOrder(round))
            {
                // Made before the clock starts: copying 20 MB is the client's cost, not the app's.
                var bytes = photo.NextVariant();
                times[target].Add(await client.UploadAsync(target, bytes, stopping), bytes.Length);
            }
        }

        await settle();
        return (times[baseline], times[service]);
    }

    private UploadTarget[] InOrder(int round) => round % 2 == 0 ? [baseline, service] : [service, baseline];
}
