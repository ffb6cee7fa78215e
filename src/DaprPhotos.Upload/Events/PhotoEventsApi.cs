using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Upload.Events;

/// <summary>What upload hears: progress from the pipeline and the dead letters of its subscribers.</summary>
public static class PhotoEventsApi
{
    public static IEndpointRouteBuilder MapPhotoEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIntegrationEvent<PhotoThumbnailed, PhotoThumbnailedHandler>(
            Topics.PhotoThumbnailed, AppIds.Upload);
        endpoints.MapIntegrationEvent<PhotoIndexed, PhotoIndexedHandler>(Topics.PhotoIndexed, AppIds.Upload);
        endpoints.MapIntegrationEvent<PhotoFailed, PhotoFailedHandler>(Topics.PhotoFailed, AppIds.Upload);

        endpoints.MapIntegrationEvent<PhotoUploaded, DeadLetterHandler<PhotoUploaded>>(
            Topics.DeadLetter(Topics.PhotoUploaded, AppIds.Thumbnails), AppIds.Upload, deadLetter: false);
        endpoints.MapIntegrationEvent<PhotoThumbnailed, DeadLetterHandler<PhotoThumbnailed>>(
            Topics.DeadLetter(Topics.PhotoThumbnailed, AppIds.Indexing), AppIds.Upload, deadLetter: false);

        return endpoints;
    }
}
