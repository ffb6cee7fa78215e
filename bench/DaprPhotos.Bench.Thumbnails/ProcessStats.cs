using System.Runtime.InteropServices;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>
/// Peak resident memory and CPU time as Linux counts them, for this process and those it started.
/// </summary>
public static partial class ProcessStats
{
    private const int ResourceUsageChildren = -1;

    /// <summary>VmHWM from /proc/self/status: the most this process has ever had resident, in KiB.</summary>
    public static long OwnKilobytes() =>
        File.ReadLines("/proc/self/status")
            .Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(line => long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0],
                System.Globalization.CultureInfo.InvariantCulture))
            .Single();

    /// <summary>ru_maxrss of the waited-for children: the largest peak of any single one, in KiB.</summary>
    public static long LargestChildKilobytes() =>
        GetResourceUsage(ResourceUsageChildren, out var usage) == 0 ? usage.MaxResidentKilobytes : 0;

    /// <summary>CPU time, user and system, of the waited-for children together.</summary>
    public static TimeSpan ChildrenProcessorTime() =>
        GetResourceUsage(ResourceUsageChildren, out var usage) == 0
            ? TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds)
                + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds)
            : TimeSpan.Zero;

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs of which ru_maxrss is the first.
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentKilobytes;
        public long Rest0, Rest1, Rest2, Rest3, Rest4, Rest5, Rest6;
        public long Rest7, Rest8, Rest9, Rest10, Rest11, Rest12;
    }
}
