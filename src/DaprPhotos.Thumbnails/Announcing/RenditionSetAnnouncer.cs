using DaprPhotos.Contracts.Events;
using DaprPhotos.Thumbnails.Handlers;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Thumbnails.Announcing;

/// <summary>
/// Tells upload which rendition set this instance renders (<c>rendition-set-announced</c>), so it
/// can find the photos an older set rendered. The first attempt runs at start, before the app
/// listens (as <see cref="Warmup.CodecWarmup"/> does), within <see cref="AttemptTimeout"/>; if it
/// fails, the same announcement is tried again in the background, waiting twice as long after each
/// failure up to <see cref="MaxRetryDelay"/>, until it is published or the app stops. Rendering
/// needs none of this, so a failure never holds up or stops the app: it is logged and retried.
/// </summary>
public sealed class RenditionSetAnnouncer(
    ThumbnailEvents events,
    IOptions<ThumbnailOptions> options,
    TimeProvider time,
    ILogger<RenditionSetAnnouncer> logger)
    : BackgroundService
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private RenditionSetAnnounced? _announcement;
    private bool _announced;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _announcement = new RenditionSetAnnounced(
            Guid.NewGuid(),
            time.GetUtcNow(),
            options.Value.SetFingerprint,
            [.. options.Value.Renditions.Select(spec => spec.Name)]);
        _announced = await TryAnnounceAsync(_announcement, attempt: 1, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            for (var attempt = 2; !_announced && _announcement is { } announcement; attempt++)
            {
                await Task.Delay(RetryDelay(attempt - 1), time, stoppingToken);
                _announced = await TryAnnounceAsync(announcement, attempt, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an instance that never announced leaves upload with the previous set.
        }
    }

    // Every attempt publishes the same event (one fact, one id), however often it is tried.
    private async Task<bool> TryAnnounceAsync(
        RenditionSetAnnounced announcement, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await events.AnnounceAsync(announcement, linked.Token);
            var names = string.Join(", ", announcement.Renditions);
            ThumbnailsLog.Announced(logger, announcement.RenditionSet, names, announcement.EventId, attempt);
            return true;
        }
        catch (Exception ex)
            when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            var retryIn = RetryDelay(attempt).TotalSeconds;
            ThumbnailsLog.AnnounceFailed(logger, announcement.RenditionSet, attempt, retryIn, ex);
            return false;
        }
    }

    private static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(
            MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(failedAttempts - 1, 30))));
}
