namespace DaprPhotos.Bench.Upload;

/// <summary>The times of a series of sequential uploads of one photo size to one app.</summary>
internal sealed class UploadTimes
{
    private readonly List<TimeSpan> _times = [];
    private long _bytes;

    public int Count => _times.Count;

    public double MedianMilliseconds
    {
        get
        {
            var sorted = _times.Order().ToList();
            var middle = sorted.Count / 2;
            var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            return median.TotalMilliseconds;
        }
    }

    /// <summary>Megabytes (10^6 bytes) of photo per second of upload time, not counting the form.</summary>
    public double MegabytesPerSecond => _bytes / 1e6 / TotalSeconds;

    public double UploadsPerSecond => Count / TotalSeconds;

    private double TotalSeconds => _times.Sum(time => time.TotalSeconds);

    public void Add(TimeSpan elapsed, int photoBytes)
    {
        _times.Add(elapsed);
        _bytes += photoBytes;
    }
}

/// <summary>
/// Resident memory of one app around an upload: the growth is the peak during the upload minus the
/// RSS just before it; both are the largest seen over the repeats.
/// </summary>
internal sealed record MemoryUse(long GrowthBytes, long PeakBytes, int Repeats)
{
    public static readonly MemoryUse None = new(0, 0, 0);

    public MemoryUse With(long growthBytes, long peakBytes) =>
        new(Math.Max(GrowthBytes, growthBytes), Math.Max(PeakBytes, peakBytes), Repeats + 1);
}
