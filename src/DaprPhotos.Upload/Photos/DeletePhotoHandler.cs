using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Storage;
using DaprPhotos.Upload.Uploads;

namespace DaprPhotos.Upload.Photos;

/// <summary>
/// <c>DELETE /photos/{id}</c>: tombstones the record (so no late event revives it), publishes
/// <c>photo-deleted</c> for the other services, and removes the original. Repeating the call is
/// safe and publishes again, which is how a client recovers from a failed publish.
/// </summary>
public sealed class DeletePhotoHandler(
    PhotoRepository photos,
    ChunkedBlobStore blobs,
    ClaimStore claims,
    DaprClient dapr,
    ILogger<DeletePhotoHandler> logger)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken)
    {
        var update = await photos.UpdateAsync(
            id, record => PhotoTransitions.Delete(record, photos.Now), cancellationToken);
        if (update.Record is not { } deleted)
        {
            return PhotoProblems.NotFound(id);
        }

        var deletedEvent = new PhotoDeleted(Guid.NewGuid(), id, deleted.DeletedAt ?? photos.Now);
        await dapr.PublishEventAsync(
            ComponentNames.PubSub,
            PhotoDeleted.Topic,
            deletedEvent,
            new Dictionary<string, string> { ["cloudevent.type"] = PhotoDeleted.CloudEventType },
            cancellationToken);

        if (await blobs.GetManifestAsync(deleted.OriginalKey, cancellationToken) is { } original)
        {
            await blobs.DeleteAsync(original.Key, original.ChunkCount, cancellationToken);
        }

        // The same bytes may be uploaded again as a new photo.
        var hashKey = HashClaim.StoreKey(deleted.Sha256);
        var claim = await dapr.GetStateAsync<HashClaim?>(
            ComponentNames.Photos, hashKey, cancellationToken: cancellationToken);
        if (claim?.PhotoId == id)
        {
            await claims.ReleaseAsync(hashKey, cancellationToken);
        }

        UploadLog.Deleted(logger, id, deletedEvent.EventId);
        return TypedResults.NoContent();
    }
}
