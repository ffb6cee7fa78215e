using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Indexing.Handlers;

/// <summary>What indexing hears: rendered photos to index and deleted photos to forget.</summary>
public static class IndexingEventsApi
{
    public static IEndpointRouteBuilder MapIndexingEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIntegrationEvent<PhotoThumbnailed, PhotoThumbnailedHandler>(
            Topics.PhotoThumbnailed, AppIds.Indexing);
        endpoints.MapIntegrationEvent<PhotoDeleted, PhotoDeletedHandler>(
            Topics.PhotoDeleted, AppIds.Indexing);
        return endpoints;
    }
}
