using System.Security.Cryptography;
using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Thumbnails.Rendering;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Thumbnails.Storage;

/// <summary>
/// Thumbnails' keys in <c>blobs</c>: each rendition under a key named by photo and spec, one
/// rendition-set record per set holding what the pass produced, written last, and the photo's
/// <see cref="StoredSets"/>. A redelivery finds the set record and republishes from it without
/// rendering again; what it needs to know costs one read (<see cref="ReadAsync"/>).
/// </summary>
public sealed class RenditionStore(
    ChunkedBlobStore blobs, DaprClient dapr, IOptions<ThumbnailOptions> options, TimeProvider time)
{
    /// <summary>
    /// The tombstone, the set of the current spec and the stored sets, in one bulk read. A set record
    /// written before <c>photo-thumbnailed</c> carried its rendition set names none; found under the
    /// current fingerprint, it is of that set.
    /// </summary>
    public async Task<StoredPhoto> ReadAsync(string photoId, CancellationToken cancellationToken)
    {
        string[] keys = [BlobKeys.Tombstone(photoId), SetKey(photoId), BlobKeys.RenditionSets(photoId)];
        var items = (await dapr.GetBulkStateAsync(
                ComponentNames.Blobs, keys, parallelism: null, cancellationToken: cancellationToken))
            .ToDictionary(item => item.Key, StringComparer.Ordinal);
        var set = items[keys[1]].ValueAs<PhotoThumbnailed>();
        var sets = items[keys[2]];
        return new StoredPhoto(
            items[keys[0]].ValueAs<PhotoTombstone>() is not null,
            set is { RenditionSet: null } ? set with { RenditionSet = options.Value.SetFingerprint } : set,
            sets.ValueAs<StoredSets>() ?? StoredSets.None,
            sets.ETag ?? "");
    }

    /// <summary>The keys and chunk counts storing <paramref name="rendered"/> will write.</summary>
    public StoredSet Describe(string photoId, RenderedPhoto rendered) =>
        new(options.Value.SetFingerprint, [.. rendered.Renditions.Select(rendition => new StoredRendition(
            BlobKeys.Rendition(photoId, rendition.Spec.Name, rendition.Spec.Fingerprint),
            ChunksOf(rendition.Bytes.Length, options.Value.ChunkSizeBytes)))]);

    /// <summary>
    /// The set of the current spec found stored, as <paramref name="sets"/> list it; one stored before
    /// sets were recorded has its chunk counts bounded from its sizes at the smallest chunk size
    /// allowed (it may predate the configured one), since deleting a chunk never written is no error.
    /// </summary>
    public StoredSet Describe(PhotoThumbnailed stored, StoredSets sets) =>
        sets.Find(options.Value.SetFingerprint)
        ?? new(options.Value.SetFingerprint, [.. stored.Renditions.Select(rendition => new StoredRendition(
            rendition.Key, ChunksOf(rendition.SizeBytes, ThumbnailOptions.MinChunkSizeBytes)))]);

    /// <summary>Stores every rendition, then the set record, and returns the event to publish.</summary>
    public async Task<PhotoThumbnailed> SaveAsync(
        string photoId, RenderedPhoto rendered, UploadFacts upload, CancellationToken cancellationToken)
    {
        var renditions = new List<Rendition>();
        foreach (var rendition in rendered.Renditions)
        {
            var key = BlobKeys.Rendition(photoId, rendition.Spec.Name, rendition.Spec.Fingerprint);
            await WriteBlobAsync(key, rendition.MediaType, rendition.Bytes, cancellationToken);
            renditions.Add(new Rendition(rendition.Spec.Name, key, rendition.Spec.Format.ToUpperInvariant(),
                rendition.Width, rendition.Height, rendition.Bytes.Length));
        }

        var thumbnailed = new PhotoThumbnailed(
            Guid.NewGuid(),
            photoId,
            time.GetUtcNow(),
            renditions,
            rendered.Metadata,
            rendered.Placeholder,
            rendered.DominantColor,
            upload,
            options.Value.SetFingerprint);
        await dapr.SaveStateAsync(
            ComponentNames.Blobs, SetKey(photoId), thumbnailed, cancellationToken: cancellationToken);
        return thumbnailed;
    }

    public Task MarkDeletedAsync(string photoId, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(
            ComponentNames.Blobs,
            BlobKeys.Tombstone(photoId),
            new PhotoTombstone(time.GetUtcNow()),
            cancellationToken: cancellationToken);

    public async Task<bool> IsDeletedAsync(string photoId, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<PhotoTombstone?>(ComponentNames.Blobs, BlobKeys.Tombstone(photoId),
            cancellationToken: cancellationToken) is not null;

    /// <summary>As the write loop below counts them: an empty blob still takes one chunk.</summary>
    internal static int ChunksOf(long sizeBytes, int chunkSizeBytes) =>
        (int)Math.Max(1, (sizeBytes + chunkSizeBytes - 1) / chunkSizeBytes);

    private async Task WriteBlobAsync(
        string key, string mediaType, byte[] bytes, CancellationToken cancellationToken)
    {
        var chunkSize = options.Value.ChunkSizeBytes;
        var chunks = 0;
        for (var offset = 0; offset < bytes.Length || chunks == 0; offset += chunkSize)
        {
            await blobs.WriteChunkAsync(
                key,
                chunks++,
                bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset)),
                cancellationToken);
        }

        await blobs.WriteManifestAsync(
            new BlobManifest(
                key,
                mediaType,
                bytes.Length,
                Convert.ToHexStringLower(SHA256.HashData(bytes)),
                chunks,
                chunkSize,
                time.GetUtcNow()),
            cancellationToken);
    }

    private string SetKey(string photoId) => BlobKeys.RenditionSet(photoId, options.Value.SetFingerprint);
}

/// <summary>
/// The photo was deleted at <paramref name="DeletedAt"/>; nothing is rendered for it again.
/// </summary>
public sealed record PhotoTombstone(DateTimeOffset DeletedAt);

/// <summary>
/// What a render starts from: whether the photo is deleted, the set of the current spec, and the
/// stored sets with the ETag to change them by ("" when there is no record yet).
/// </summary>
public sealed record StoredPhoto(
    bool IsDeleted, PhotoThumbnailed? CurrentSet, StoredSets Sets, string SetsETag);
