using System.Globalization;
using System.Runtime.InteropServices;

namespace DaprPhotos.Bench.Upload;

/// <summary>Prints the run as one table: each metric for both apps and their ratio.</summary>
internal static class Report
{
    private const double Megabyte = 1e6;
    private const int MetricWidth = 44;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Header(BenchPhoto small, BenchPhoto large)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"Upload benchmark, {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, "
            + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine("  every upload is a distinct file: the same image, its own JPEG comment segment");
        foreach (var photo in new[] { small, large })
        {
            Console.WriteLine(string.Create(Invariant,
                $"  {photo.Label} photo: {photo.Length:N0} bytes, {photo.Side} x {photo.Side} px of noise"));
        }

        Console.WriteLine();
        Console.WriteLine(
            $"{"metric",-MetricWidth} {"baseline",10} {"upload service",15} {"service/baseline",17}");
        Console.WriteLine(new string('-', MetricWidth + 45));
    }

    public static void Throughput(BenchPhoto photo, UploadTimes baseline, UploadTimes service)
    {
        Row($"{photo.Label} upload, median ms (n={service.Count})",
            baseline.MedianMilliseconds, service.MedianMilliseconds);
        Row($"{photo.Label} throughput, MB/s", baseline.MegabytesPerSecond, service.MegabytesPerSecond);
        Row($"{photo.Label} uploads/s", baseline.UploadsPerSecond, service.UploadsPerSecond);
    }

    public static void Memory(BenchPhoto photo, MemoryUse baseline, MemoryUse service)
    {
        // A baseline that grows by almost nothing makes a ratio of noise; the share of the photo says more.
        Row($"{photo.Label} upload, RSS growth MB (max of {service.Repeats})",
            baseline.GrowthBytes / Megabyte, service.GrowthBytes / Megabyte, minimumBaseline: 1);
        Row($"{photo.Label} upload, RSS growth % of photo",
            100.0 * baseline.GrowthBytes / photo.Length, 100.0 * service.GrowthBytes / photo.Length,
            minimumBaseline: 5);
        Row($"{photo.Label} upload, peak RSS MB",
            baseline.PeakBytes / Megabyte, service.PeakBytes / Megabyte);
    }

    public static void Lifetime(ChildApp baseline, ChildApp service)
    {
        Row("whole run, peak RSS (VmHWM) MB",
            RssSampler.ReadBytes(baseline.ProcessId, "VmHWM") / Megabyte,
            RssSampler.ReadBytes(service.ProcessId, "VmHWM") / Megabyte);
    }

    public static void Footnote()
    {
        string[] lines =
        [
            "",
            "service/baseline: above 1 on ms and MB, the service costs that many times the baseline;",
            "below 1 on MB/s and uploads/s, it does that fraction of the baseline's work per second.",
            "Baseline: an app that reads the request body and discards it. MB = 10^6 bytes.",
            "RSS growth: peak RSS during the upload minus RSS just before it; '-': the baseline's",
            "growth is too small for a ratio to mean anything.",
        ];
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    private static void Row(string metric, double baseline, double service, double minimumBaseline = 0)
    {
        var ratio = baseline > minimumBaseline ? (service / baseline).ToString("0.00", Invariant) : "-";
        Console.WriteLine(string.Create(Invariant,
            $"{metric,-MetricWidth} {baseline,10:0.0} {service,15:0.0} {ratio,17}"));
    }
}
