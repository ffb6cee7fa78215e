using DaprPhotos.Blobs;
using DaprPhotos.Upload.Storage;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Upload.Janitor;

/// <summary>
/// Keeps <see cref="InflightUploads"/> short and removes the bytes of uploads that never finished.
/// An entry whose photo has a record is done and simply forgotten (the upload path never spends a
/// sidecar call on that); one older than <see cref="UploadOptions.AbandonedUploadAfterSeconds"/>
/// without a record was cut off (the process died, or its sidecar went away before it could
/// clean up), so its chunks are deleted.
/// </summary>
public sealed class AbandonedUploadJanitor(
    InflightUploads inflight, PhotoRepository photos, ChunkedBlobStore blobs, IOptions<UploadOptions> options,
    TimeProvider time, ILogger<AbandonedUploadJanitor> logger) : BackgroundService
{
    /// <returns>How many abandoned uploads had their bytes removed.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var cutoff = time.GetUtcNow() - TimeSpan.FromSeconds(limits.AbandonedUploadAfterSeconds);
        var entries = await inflight.ReadAllAsync(cancellationToken);
        IReadOnlyList<string> photoIds = [.. entries.Select(entry => entry.PhotoId)];
        var recorded = (await photos.GetManyAsync(photoIds, cancellationToken))
            .Select(record => record.Id)
            .ToHashSet();
        var abandoned = entries
            .Where(entry => !recorded.Contains(entry.PhotoId) && entry.StartedAt < cutoff)
            .ToList();

        foreach (var upload in abandoned)
        {
            // Chunk keys are numbered from 0, and deleting a key never written is no error.
            var maxChunks = (int)(limits.MaxUploadBytes / limits.ChunkSizeBytes) + 1;
            await blobs.DeleteAsync(BlobKeys.Original(upload.PhotoId), maxChunks, cancellationToken);
            JanitorLog.RemovedAbandoned(logger, upload.PhotoId, upload.StartedAt);
        }

        var finished = entries.Where(entry => recorded.Contains(entry.PhotoId)).Concat(abandoned).ToList();
        await inflight.RemoveAsync([.. finished.Select(entry => entry.PhotoId)], cancellationToken);
        return abandoned.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.JanitorIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The sidecar may be starting or briefly gone; the next sweep tries again.
                JanitorLog.SweepFailed(logger, ex);
            }
        }
    }
}

internal static partial class JanitorLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "Removed the bytes of abandoned upload {PhotoId}, started {StartedAt}")]
    public static partial void RemovedAbandoned(ILogger logger, string photoId, DateTimeOffset startedAt);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning,
        Message = "The abandoned-upload sweep failed; retrying later")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
