namespace DaprPhotos.Bench.Indexing;

/// <summary>The times of repeated runs of one operation.</summary>
internal sealed class Timings
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double Median => Percentile(50);

    public double P99 => Percentile(99);

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    /// <summary>Nearest rank: with 100 runs, p99 is the second slowest.</summary>
    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Percentile(IEnumerable<int> values, double percent)
    {
        var timings = new Timings();
        foreach (var value in values)
        {
            timings._milliseconds.Add(value);
        }

        return timings.Percentile(percent);
    }
}
