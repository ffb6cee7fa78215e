using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.Listing;

/// <summary>
/// Lists a photo when its own <c>photo-uploaded</c> event comes back. The outbox guarantees that
/// event for every committed photo, so the listing can never miss one, even if upload crashed
/// right after the commit; adding is a set operation, so a redelivery changes nothing.
/// </summary>
public sealed class PhotoUploadedListingHandler(ListingIndex listing)
    : IIntegrationEventHandler<PhotoUploaded>
{
    public async Task<EventOutcome> HandleAsync(
        PhotoUploaded integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await listing.AddAsync(integrationEvent.PhotoId, integrationEvent.OccurredAt, cancellationToken);
        return EventOutcome.Success;
    }
}
