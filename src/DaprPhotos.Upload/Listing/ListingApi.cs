using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Upload.Listing;

public static class ListingApi
{
    /// <summary>Upload hears its own <c>photo-uploaded</c> to keep the listing.</summary>
    public static IEndpointRouteBuilder MapListingEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIntegrationEvent<PhotoUploaded, PhotoUploadedListingHandler>(
            Topics.PhotoUploaded, AppIds.Upload);
        return endpoints;
    }
}
