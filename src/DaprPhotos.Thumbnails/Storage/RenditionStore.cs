using System.Security.Cryptography;
using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Thumbnails.Rendering;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Thumbnails.Storage;

/// <summary>
/// Thumbnails' keys in <c>blobs</c>: each rendition under a key named by photo and spec, and one
/// rendition-set record holding what the pass produced, written last. A redelivery finds the set
/// record and republishes from it without rendering again (one read).
/// </summary>
public sealed class RenditionStore(
    ChunkedBlobStore blobs, DaprClient dapr, IOptions<ThumbnailOptions> options, TimeProvider time)
{
    /// <summary>
    /// The set of the current spec, if stored. A record written before <c>photo-thumbnailed</c>
    /// carried its rendition set names none; found under the current fingerprint, it is of that set.
    /// </summary>
    public async Task<PhotoThumbnailed?> FindSetAsync(string photoId, CancellationToken cancellationToken)
    {
        var set = await dapr.GetStateAsync<PhotoThumbnailed?>(
            ComponentNames.Blobs, SetKey(photoId), cancellationToken: cancellationToken);
        return set is { RenditionSet: null }
            ? set with { RenditionSet = options.Value.SetFingerprint }
            : set;
    }

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

    /// <summary>Removes every rendition of the current spec and its set record.</summary>
    public async Task DeleteAsync(string photoId, CancellationToken cancellationToken)
    {
        foreach (var spec in options.Value.Renditions)
        {
            var key = BlobKeys.Rendition(photoId, spec.Name, spec.Fingerprint);
            if (await blobs.GetManifestAsync(key, cancellationToken) is { } manifest)
            {
                await blobs.DeleteAsync(key, manifest.ChunkCount, cancellationToken);
            }
        }

        await dapr.DeleteStateAsync(
            ComponentNames.Blobs, SetKey(photoId), cancellationToken: cancellationToken);
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
