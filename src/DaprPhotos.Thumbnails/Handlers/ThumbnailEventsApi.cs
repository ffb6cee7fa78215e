using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>
/// What thumbnails hears: new photos to render, photos upload asks to render again, and deleted
/// photos to clean up; each with its own dead-letter topic.
/// </summary>
public static class ThumbnailEventsApi
{
    public static IEndpointRouteBuilder MapThumbnailEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIntegrationEvent<PhotoUploaded, PhotoUploadedHandler>(
            Topics.PhotoUploaded, AppIds.Thumbnails);
        endpoints.MapIntegrationEvent<PhotoReprocessRequested, PhotoReprocessRequestedHandler>(
            Topics.PhotoReprocessRequested, AppIds.Thumbnails);
        endpoints.MapIntegrationEvent<PhotoDeleted, PhotoDeletedHandler>(
            Topics.PhotoDeleted, AppIds.Thumbnails);
        return endpoints;
    }
}
