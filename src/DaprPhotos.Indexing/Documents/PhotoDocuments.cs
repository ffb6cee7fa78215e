using Dapr;
using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Indexing.Storage;

namespace DaprPhotos.Indexing.Documents;

/// <summary>The <c>photo/{id}</c> records, read with their ETag and written only against it.</summary>
public sealed class PhotoDocuments(DaprClient dapr)
{
    private static readonly StateOptions CheckETag = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<(IndexedPhoto? Photo, string ETag)> GetAsync(
        string photoId, CancellationToken cancellationToken) =>
        await dapr.GetStateAndETagAsync<IndexedPhoto?>(
            ComponentNames.Index, IndexKeys.Photo(photoId), cancellationToken: cancellationToken);

    public async Task<IReadOnlyDictionary<string, IndexedPhoto>> GetManyAsync(
        IReadOnlyList<string> photoIds, CancellationToken cancellationToken)
    {
        if (photoIds.Count == 0)
        {
            return new Dictionary<string, IndexedPhoto>();
        }

        var items = await dapr.GetBulkStateAsync<IndexedPhoto?>(
            ComponentNames.Index, [.. photoIds.Select(IndexKeys.Photo)], parallelism: null,
            cancellationToken: cancellationToken);
        return items
            .Where(item => item.Value is not null)
            .ToDictionary(item => item.Value!.PhotoId, item => item.Value!);
    }

    /// <summary>
    /// Writes the record if it is still the version read with <paramref name="etag"/> (an empty
    /// ETag: if there is still none); false when another writer came first.
    /// </summary>
    public async Task<bool> TryWriteAsync(
        IndexedPhoto photo, string etag, CancellationToken cancellationToken)
    {
        var key = IndexKeys.Photo(photo.PhotoId);
        if (!string.IsNullOrEmpty(etag))
        {
            return await dapr.TrySaveStateAsync(
                ComponentNames.Index, key, photo, etag, CheckETag, cancellationToken: cancellationToken);
        }

        try
        {
            // First-write without an ETag creates only; a store answers a taken key with an error
            // that is not always Aborted, so the caller reads again to tell a conflict from a fault.
            await dapr.SaveStateAsync(
                ComponentNames.Index, key, photo, CheckETag, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprException)
        {
            return false;
        }
    }
}
