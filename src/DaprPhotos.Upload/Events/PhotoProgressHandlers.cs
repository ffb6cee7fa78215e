using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.Events;

/// <summary>
/// Moves a photo's record as the pipeline reports progress. Each handler is one ETag-checked
/// update through <see cref="PhotoTransitions"/>: a duplicate, a late or an out-of-order event
/// changes nothing, and an event for an unknown photo is acknowledged and logged, not retried.
/// </summary>
public sealed class PhotoThumbnailedHandler(PhotoRepository photos, ILogger<PhotoThumbnailedHandler> logger)
    : IIntegrationEventHandler<PhotoThumbnailed>
{
    public Task<EventOutcome> HandleAsync(
        PhotoThumbnailed integrationEvent,
        IntegrationEventContext context,
        CancellationToken cancellationToken) =>
        PhotoProgress.ApplyAsync(
            photos,
            logger,
            integrationEvent,
            record => PhotoTransitions.Apply(record, integrationEvent),
            cancellationToken);
}

public sealed class PhotoIndexedHandler(PhotoRepository photos, ILogger<PhotoIndexedHandler> logger)
    : IIntegrationEventHandler<PhotoIndexed>
{
    public Task<EventOutcome> HandleAsync(
        PhotoIndexed integrationEvent,
        IntegrationEventContext context,
        CancellationToken cancellationToken) =>
        PhotoProgress.ApplyAsync(
            photos,
            logger,
            integrationEvent,
            record => PhotoTransitions.Apply(record, integrationEvent),
            cancellationToken);
}

public sealed class PhotoFailedHandler(PhotoRepository photos, ILogger<PhotoFailedHandler> logger)
    : IIntegrationEventHandler<PhotoFailed>
{
    public Task<EventOutcome> HandleAsync(
        PhotoFailed integrationEvent,
        IntegrationEventContext context,
        CancellationToken cancellationToken) =>
        PhotoProgress.ApplyAsync(
            photos,
            logger,
            integrationEvent,
            record => PhotoTransitions.Apply(record, integrationEvent),
            cancellationToken);
}

internal static class PhotoProgress
{
    public static async Task<EventOutcome> ApplyAsync(
        PhotoRepository photos, ILogger logger, IIntegrationEvent integrationEvent,
        Func<PhotoRecord, PhotoRecord?> change, CancellationToken cancellationToken)
    {
        var update = await photos.UpdateAsync(integrationEvent.PhotoId, change, cancellationToken);
        if (update.Record is null)
        {
            UploadLog.UnknownPhoto(logger, integrationEvent.PhotoId, integrationEvent.EventId);
            return EventOutcome.Success;
        }

        UploadLog.StatusApplied(
            logger, integrationEvent.PhotoId, integrationEvent.EventId, update.Record.Status, update.Changed);
        return EventOutcome.Success;
    }
}
