using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Thumbnails.Storage;

/// <summary>
/// Removes rendition sets from <c>blobs</c>: every set of a deleted photo, or the sets a living
/// photo no longer keeps (<see cref="StoredSets.KeptSets"/>). Blobs go before the record that lists
/// them, so a failure half-way leaves nothing unlisted and the retry finds it all again.
/// </summary>
public sealed class RenditionCleanup(
    ChunkedBlobStore blobs, DaprClient dapr, SetHistory history, IOptions<ThumbnailOptions> options)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Every set the record lists, and the current spec's renditions besides (a photo stored before
    /// sets were recorded has no record), then the record itself, unless another writer changed it
    /// meanwhile: then its new sets go too. Three calls: a bulk read, a bulk delete, the record's.
    /// </summary>
    public async Task RemoveAllAsync(string photoId, CancellationToken cancellationToken)
    {
        var current = options.Value.Renditions
            .Select(spec => BlobKeys.Rendition(photoId, spec.Name, spec.Fingerprint))
            .ToList();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (sets, etag, manifests) = await ReadAsync(photoId, current, cancellationToken);

            // REVIEW: A photo stored before sets were recorded and rendered again only after the spec
            // changed has no record of its first set, which then outlives the photo. Upload's first
            // reprocess run after this version is deployed (photos whose photo-thumbnailed names no
            // set) records each such set as it is republished; it must run before the spec changes.
            var currentSet = new StoredSet(options.Value.SetFingerprint, [.. manifests]);
            await blobs.DeleteAsync(KeysOf(photoId, [.. sets.Sets, currentSet]), cancellationToken);
            if (etag.Length == 0 || await history.TryDeleteAsync(photoId, etag, cancellationToken))
            {
                return;
            }
        }

        throw new StoredSetsConflictException(
            $"The stored sets of deleted photo {photoId} kept changing; gave up after {MaxAttempts} reads.");
    }

    /// <summary>
    /// Removes the blobs of the sets <paramref name="sets"/> no longer keep, then their entries in the
    /// record; nothing (and no call) when they keep every set.
    /// </summary>
    public async Task RemoveSupersededAsync(
        string photoId, StoredSets sets, CancellationToken cancellationToken)
    {
        if (sets.Superseded is not { Count: > 0 } superseded)
        {
            return;
        }

        await blobs.DeleteAsync(KeysOf(photoId, superseded), cancellationToken);
        await history.ForgetAsync(photoId, superseded, cancellationToken);
    }

    // A set's renditions with their chunks, and its set record (a key without chunks).
    private static IEnumerable<(string, int)> KeysOf(string photoId, IEnumerable<StoredSet> sets) =>
        sets.SelectMany(set => set.Renditions
                .Select(rendition => (rendition.Key, rendition.ChunkCount))
                .Append((BlobKeys.RenditionSet(photoId, set.Fingerprint), 0)))
            .GroupBy(key => key.Item1, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Max(key => key.Item2)));

    // The record with its ETag and the current spec's manifests, in one bulk read.
    private async Task<(StoredSets, string, IReadOnlyList<StoredRendition>)> ReadAsync(
        string photoId, IReadOnlyList<string> current, CancellationToken cancellationToken)
    {
        var setsKey = BlobKeys.RenditionSets(photoId);
        var items = await dapr.GetBulkStateAsync(ComponentNames.Blobs, [setsKey, .. current],
            parallelism: null, cancellationToken: cancellationToken);
        var record = items.Single(item => item.Key == setsKey);
        var manifests = items
            .Where(item => item.Key != setsKey)
            .Select(item => item.ValueAs<BlobManifest>())
            .OfType<BlobManifest>()
            .Select(manifest => new StoredRendition(manifest.Key, manifest.ChunkCount))
            .ToList();
        return (record.ValueAs<StoredSets>() ?? StoredSets.None, record.ETag ?? "", manifests);
    }
}
