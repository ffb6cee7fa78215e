using Dapr;
using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;

namespace DaprPhotos.Thumbnails.Storage;

/// <summary>
/// The per-photo record of stored sets (<see cref="StoredSets"/>), changed only by ETag-checked
/// writes: change the copy read, write it with that copy's ETag, and on a conflict read and change
/// again. Every write is first-write, so two writers that both found no record cannot both create it.
/// A store fault reaches the caller (for a RETRY); only lost races are tried again, a few times.
/// </summary>
public sealed class SetHistory(DaprClient dapr)
{
    private const int MaxAttempts = 5;
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <returns>The record (empty when there is none) and its ETag ("" when there is none).</returns>
    public async Task<(StoredSets Sets, string ETag)> ReadAsync(
        string photoId, CancellationToken cancellationToken)
    {
        var (sets, etag) = await dapr.GetStateAndETagAsync<StoredSets?>(
            ComponentNames.Blobs, BlobKeys.RenditionSets(photoId), cancellationToken: cancellationToken);
        return (sets ?? StoredSets.None, etag ?? "");
    }

    /// <summary>Makes <paramref name="set"/> the latest, writing only when it is not already.</summary>
    /// <param name="read">The record and ETag as the caller read them, so it need not read again.</param>
    public Task<StoredSets> RecordLatestAsync(
        string photoId,
        StoredSet set,
        (StoredSets Sets, string ETag) read,
        CancellationToken cancellationToken) =>
        ChangeAsync(photoId, read, sets => sets.IsLatest(set) ? null : sets.Latest(set), cancellationToken);

    /// <summary>Drops <paramref name="removed"/> from the record, once their blobs are gone.</summary>
    public async Task ForgetAsync(
        string photoId, IReadOnlyList<StoredSet> removed, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(photoId, cancellationToken);
        await ChangeAsync(
            photoId,
            read,
            sets => sets.Without(removed) is var left && left.Sets.Count < sets.Sets.Count ? left : null,
            cancellationToken);
    }

    /// <summary>Deletes the record if it is still the one read with <paramref name="etag"/>.</summary>
    public Task<bool> TryDeleteAsync(string photoId, string etag, CancellationToken cancellationToken) =>
        dapr.TryDeleteStateAsync(ComponentNames.Blobs, BlobKeys.RenditionSets(photoId), etag, FirstWrite,
            cancellationToken: cancellationToken);

    // change answers null when the record needs no write.
    private async Task<StoredSets> ChangeAsync(
        string photoId,
        (StoredSets Sets, string ETag) read,
        Func<StoredSets, StoredSets?> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (change(read.Sets) is not { } changed)
            {
                return read.Sets;
            }

            bool saved;
            try
            {
                saved = await dapr.TrySaveStateAsync(ComponentNames.Blobs, BlobKeys.RenditionSets(photoId),
                    changed, read.ETag, FirstWrite, cancellationToken: cancellationToken);
            }
            catch (DaprException)
            {
                // Redis refuses a second creation with the plain error a failed store gives: only the
                // record, read back, tells a lost race from a fault, which goes to the caller.
                var again = await ReadAsync(photoId, cancellationToken);
                if (again.ETag == read.ETag)
                {
                    throw;
                }

                read = again;
                continue;
            }

            if (saved)
            {
                return changed;
            }

            read = await ReadAsync(photoId, cancellationToken);
        }

        throw new StoredSetsConflictException(
            $"The stored sets of photo {photoId} kept changing; gave up after {MaxAttempts} writes.");
    }
}
