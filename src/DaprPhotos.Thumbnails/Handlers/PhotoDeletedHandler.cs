using Dapr;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.Thumbnails.Storage;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>
/// Removes every rendition set ever stored for a deleted photo, whatever spec rendered it; RETRY on
/// a sidecar fault. The tombstone goes first, so a <c>photo-uploaded</c> that arrives late, or a
/// render already under way, cannot bring them back.
/// </summary>
public sealed class PhotoDeletedHandler(
    RenditionStore store, RenditionCleanup cleanup, ILogger<PhotoDeletedHandler> logger)
    : IIntegrationEventHandler<PhotoDeleted>
{
    public async Task<EventOutcome> HandleAsync(
        PhotoDeleted deleted, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        try
        {
            await store.MarkDeletedAsync(deleted.PhotoId, cancellationToken);
            await cleanup.RemoveAllAsync(deleted.PhotoId, cancellationToken);
            ThumbnailsLog.Deleted(logger, deleted.PhotoId, deleted.EventId);
            return EventOutcome.Success;
        }
        catch (Exception ex) when (ex is DaprException or StoredSetsConflictException)
        {
            ThumbnailsLog.Transient(logger, deleted.PhotoId, deleted.EventId, ex);
            return EventOutcome.Retry;
        }
    }
}
