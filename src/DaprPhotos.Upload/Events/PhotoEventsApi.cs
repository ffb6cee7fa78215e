using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Upload.Events;

/// <summary>What upload hears: each photo's progress through the pipeline.</summary>
public static class PhotoEventsApi
{
    public static IEndpointRouteBuilder MapPhotoEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIntegrationEvent<PhotoThumbnailed, PhotoThumbnailedHandler>(
            Topics.PhotoThumbnailed, AppIds.Upload);
        endpoints.MapIntegrationEvent<PhotoIndexed, PhotoIndexedHandler>(Topics.PhotoIndexed, AppIds.Upload);
        endpoints.MapIntegrationEvent<PhotoFailed, PhotoFailedHandler>(Topics.PhotoFailed, AppIds.Upload);
        return endpoints;
    }
}
