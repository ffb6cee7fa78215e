using System.Diagnostics;
using System.Globalization;

namespace DaprPhotos.Bench.Upload;

/// <summary>
/// Samples a process's resident memory from <c>/proc/&lt;pid&gt;/status</c> about every 5 ms on a thread
/// of its own, so the peak of one upload is seen: <c>VmHWM</c> is the peak of the whole process life.
/// </summary>
internal sealed class RssSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(2);
    private const int MaxSamples = 30_000;

    private readonly int _processId;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _peakBytes;

    private RssSampler(int processId)
    {
        _processId = processId;
        _peakBytes = ReadBytes(processId, "VmRSS");
        _thread = new Thread(Run) { IsBackground = true, Name = $"rss {processId}" };
    }

    public int Samples { get; private set; }

    public static RssSampler Start(int processId)
    {
        var sampler = new RssSampler(processId);
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>A field of <c>/proc/&lt;pid&gt;/status</c> given in kB (VmRSS, VmHWM), in bytes.</summary>
    public static long ReadBytes(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no {field}");
    }

    /// <summary>Stops sampling, takes one last sample, and returns the highest RSS seen, in bytes.</summary>
    public long StopAndReadPeak()
    {
        _stopping = true;
        _thread.Join();
        return Math.Max(_peakBytes, ReadBytes(_processId, "VmRSS"));
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        var elapsed = Stopwatch.StartNew();
        while (!_stopping && Samples < MaxSamples && elapsed.Elapsed < MaxDuration)
        {
            _peakBytes = Math.Max(_peakBytes, ReadBytes(_processId, "VmRSS"));
            Samples++;
            Thread.Sleep(Interval);
        }
    }
}
