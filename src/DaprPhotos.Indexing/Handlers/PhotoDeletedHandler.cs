using Dapr;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Indexing.Handlers;

/// <summary>Takes a deleted photo out of the index for good (its record stays as a tombstone).</summary>
public sealed class PhotoDeletedHandler(PhotoIndexer indexer, ILogger<PhotoDeletedHandler> logger)
    : IIntegrationEventHandler<PhotoDeleted>
{
    public async Task<EventOutcome> HandleAsync(
        PhotoDeleted deleted, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        try
        {
            await indexer.RemoveAsync(deleted.PhotoId, deleted.OccurredAt, cancellationToken);
            IndexingLog.Removed(logger, deleted.PhotoId, deleted.EventId);
            return EventOutcome.Success;
        }
        catch (Exception ex) when (ex is DaprException or IndexConflictException)
        {
            IndexingLog.Transient(logger, deleted.PhotoId, deleted.EventId, ex);
            return EventOutcome.Retry;
        }
    }
}
