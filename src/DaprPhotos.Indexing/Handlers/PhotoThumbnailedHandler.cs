using Dapr;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.ServiceDefaults.Metrics;

namespace DaprPhotos.Indexing.Handlers;

/// <summary>
/// Indexes a rendered photo and announces it with <c>photo-indexed</c>. A sidecar fault or a write
/// that kept conflicting is retried (RETRY); an event that can never be indexed is reported with
/// <c>photo-failed</c> and dropped to the dead-letter topic. A deleted photo, or an older version
/// than the one indexed, is acknowledged and changes nothing.
/// </summary>
public sealed class PhotoThumbnailedHandler(
    PhotoIndexer indexer,
    IndexingEvents events,
    PipelineMetrics metrics,
    ILogger<PhotoThumbnailedHandler> logger)
    : IIntegrationEventHandler<PhotoThumbnailed>
{
    public async Task<EventOutcome> HandleAsync(
        PhotoThumbnailed thumbnailed, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await indexer.IndexAsync(thumbnailed, cancellationToken);
            switch (outcome.Kind)
            {
                case IndexOutcomeKind.Indexed:
                    // Counted before announcing: if that fails, the retry finds this version already indexed.
                    if (!outcome.AlreadyIndexed)
                    {
                        metrics.Indexed();
                    }

                    var indexed = await events.PublishIndexedAsync(
                        thumbnailed.PhotoId, outcome.TermCount, cancellationToken);
                    IndexingLog.Indexed(
                        logger, thumbnailed.PhotoId, thumbnailed.EventId, outcome.TermCount, indexed.EventId);
                    break;
                case IndexOutcomeKind.Deleted:
                    IndexingLog.SkippedDeleted(logger, thumbnailed.PhotoId, thumbnailed.EventId);
                    break;
                default:
                    IndexingLog.Superseded(logger, thumbnailed.PhotoId, thumbnailed.EventId);
                    break;
            }

            return EventOutcome.Success;
        }
        catch (UnindexablePhotoException ex)
        {
            IndexingLog.Unindexable(logger, thumbnailed.PhotoId, thumbnailed.EventId, ex.Message);
            var failed = await events.PublishFailedAsync(thumbnailed.PhotoId, ex.Message, cancellationToken);
            metrics.Failed(failed.FailedAppId, failed.Stage);
            return EventOutcome.Drop;
        }
        catch (Exception ex) when (ex is DaprException or IndexConflictException)
        {
            IndexingLog.Transient(logger, thumbnailed.PhotoId, thumbnailed.EventId, ex);
            return EventOutcome.Retry;
        }
    }
}
