using System.Diagnostics;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>
/// What an action costs in memory: the managed bytes the process allocated meanwhile or the growth
/// of its peak resident memory, whichever is larger. ImageSharp keeps pixel buffers in unmanaged
/// memory, which the managed counter never sees, so a decode that really allocated its frame only
/// shows in the peak. The whole process counts (the request runs on other threads), which is why
/// these tests run alone. This is a memory bound, not a timing.
/// </summary>
internal static class Allocations
{
    public const long Megabyte = 1024 * 1024;

    public static async Task<long> MeasureAsync(Func<Task> action)
    {
        var managedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peakBefore = PeakResidentBytes();

        await action();

        var managed = GC.GetTotalAllocatedBytes(precise: true) - managedBefore;
        return Math.Max(managed, PeakResidentBytes() - peakBefore);
    }

    private static long PeakResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}

/// <summary>
/// Tests that measure memory run alone, after the parallel ones, so no other test lifts the peak meanwhile.
/// </summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;
