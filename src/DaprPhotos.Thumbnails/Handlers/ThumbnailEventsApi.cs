using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>What thumbnails hears: new photos to render and deleted photos to clean up.</summary>
public static class ThumbnailEventsApi
{
    public static IEndpointRouteBuilder MapThumbnailEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIntegrationEvent<PhotoUploaded, PhotoUploadedHandler>(
            Topics.PhotoUploaded, AppIds.Thumbnails);
        endpoints.MapIntegrationEvent<PhotoDeleted, PhotoDeletedHandler>(
            Topics.PhotoDeleted, AppIds.Thumbnails);
        return endpoints;
    }
}
