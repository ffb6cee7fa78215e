using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Photos;

namespace DaprPhotos.Upload.Reprocessing;

/// <summary>Publishes <c>photo-reprocess-requested</c> for a photo, carrying what thumbnails needs.</summary>
public sealed class ReprocessRequests(DaprClient dapr, TimeProvider time, ILogger<ReprocessRequests> logger)
{
    public async Task PublishAsync(
        PhotoRecord record, string jobId, string? targetRenditionSet, CancellationToken cancellationToken)
    {
        var reason = record.Status == PhotoStatus.Failed
            ? $"Trying again after a failure: {record.LastError}"
            : $"Rendition set {record.RenditionSet ?? "unknown"} is outdated; "
                + $"thumbnails renders {targetRenditionSet ?? "another"}.";
        var requested = new PhotoReprocessRequested(
            Guid.NewGuid(),
            record.Id,
            time.GetUtcNow(),
            record.OriginalKey,
            new UploadFacts(
                record.FileName, record.Title, record.Description, record.Tags, record.UploadedAt),
            reason,
            jobId);
        await dapr.PublishEventAsync(
            ComponentNames.PubSub,
            PhotoReprocessRequested.Topic,
            requested,
            new Dictionary<string, string> { ["cloudevent.type"] = PhotoReprocessRequested.CloudEventType },
            cancellationToken);
        UploadLog.ReprocessRequested(logger, record.Id, requested.EventId, jobId, reason);
    }
}
