using System.Diagnostics;

namespace DaprPhotos.Imaging.Tests.Support;

/// <summary>
/// What an action costs in memory: the managed bytes this thread allocated or the growth of the process's
/// peak resident memory, whichever is larger. ImageSharp keeps pixel buffers in unmanaged memory, which the
/// managed counter never sees, so a decode that really allocated its frame only shows in the peak.
/// This is a memory bound, not a timing.
/// </summary>
internal static class Allocations
{
    public const long Megabyte = 1024 * 1024;

    public static long Measure(Action action)
    {
        var managedBefore = GC.GetAllocatedBytesForCurrentThread();
        var peakBefore = PeakResidentBytes();

        action();

        var managed = GC.GetAllocatedBytesForCurrentThread() - managedBefore;
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
