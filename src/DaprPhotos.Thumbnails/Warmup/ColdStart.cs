using System.Diagnostics;

namespace DaprPhotos.Thumbnails.Warmup;

/// <summary>
/// Cold start is a cost of this architecture (ImageSharp's first image takes seconds): this logs
/// the time from process start to warm codecs and to the first finished rendition set.
/// </summary>
public sealed class ColdStart(ILogger<ColdStart> logger)
{
    private static readonly DateTime ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private int _firstRenderLogged;

    public TimeSpan SinceProcessStart => DateTime.UtcNow - ProcessStarted;

    public void MarkWarm(TimeSpan renderTime) =>
        ThumbnailsLog.Warm(logger, SinceProcessStart.TotalMilliseconds, renderTime.TotalMilliseconds);

    public void MarkFirstRender()
    {
        if (Interlocked.Exchange(ref _firstRenderLogged, 1) == 0)
        {
            ThumbnailsLog.FirstRender(logger, SinceProcessStart.TotalMilliseconds);
        }
    }
}
