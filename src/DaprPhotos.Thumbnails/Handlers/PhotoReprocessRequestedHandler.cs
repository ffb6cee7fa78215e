using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>
/// Brings a photo upload asks about (its rendition set is outdated, or a step failed) to the current
/// set and publishes <c>photo-thumbnailed</c>, exactly as for a new photo: the stored set when it is
/// current, else a fresh render; RETRY on a sidecar fault, <c>photo-failed</c> and DROP for an
/// original that can never be rendered, success for a deleted photo (<see cref="PhotoRendering"/>).
/// A request without an original key or upload's facts can never succeed: it is dropped.
/// </summary>
public sealed class PhotoReprocessRequestedHandler(
    PhotoRendering rendering, ILogger<PhotoReprocessRequestedHandler> logger)
    : IIntegrationEventHandler<PhotoReprocessRequested>
{
    public async Task<EventOutcome> HandleAsync(
        PhotoReprocessRequested requested,
        IntegrationEventContext context,
        CancellationToken cancellationToken)
    {
        // Deserialised JSON may lack what the contract promises; such a request is upload's bug.
        if (string.IsNullOrEmpty(requested.OriginalKey) || requested.Upload is null)
        {
            ThumbnailsLog.ReprocessIncomplete(
                logger, requested.PhotoId, requested.EventId, requested.RequestId);
            return EventOutcome.Drop;
        }

        ThumbnailsLog.ReprocessRequested(
            logger, requested.PhotoId, requested.EventId, requested.RequestId, requested.Reason);
        var photo = new PhotoToRender(
            requested.PhotoId, requested.EventId, requested.OriginalKey, requested.Upload);
        return await rendering.RenderAsync(photo, cancellationToken);
    }
}
