using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>
/// Renders a new photo and publishes <c>photo-thumbnailed</c>; RETRY on a sidecar fault,
/// <c>photo-failed</c> and DROP for a photo that can never be rendered (<see cref="PhotoRendering"/>).
/// </summary>
public sealed class PhotoUploadedHandler(PhotoRendering rendering) : IIntegrationEventHandler<PhotoUploaded>
{
    public Task<EventOutcome> HandleAsync(
        PhotoUploaded uploaded, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var photo = new PhotoToRender(
            uploaded.PhotoId, uploaded.EventId, uploaded.OriginalKey, UploadFacts.From(uploaded));
        return rendering.RenderAsync(photo, cancellationToken);
    }
}
