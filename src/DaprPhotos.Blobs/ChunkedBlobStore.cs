using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Blobs;

/// <summary>
/// Stores blobs in the <c>blobs</c> state store as raw-byte chunks plus a JSON manifest written
/// last. Each chunk is one sidecar call well under daprd's 4 MB request limit, and no caller ever
/// holds more than one chunk of a blob in memory.
/// </summary>
public sealed class ChunkedBlobStore(DaprClient dapr)
{
    public Task WriteChunkAsync(
        string blobKey, int index, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        dapr.SaveByteStateAsync(
            ComponentNames.Blobs,
            BlobKeys.Chunk(blobKey, index),
            bytes,
            cancellationToken: cancellationToken);

    public Task WriteManifestAsync(BlobManifest manifest, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(
            ComponentNames.Blobs, manifest.Key, manifest, cancellationToken: cancellationToken);

    public Task<BlobManifest?> GetManifestAsync(string blobKey, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<BlobManifest?>(
            ComponentNames.Blobs, blobKey, cancellationToken: cancellationToken);

    public async Task<ReadOnlyMemory<byte>> ReadChunkAsync(
        string blobKey, int index, CancellationToken cancellationToken) =>
        await dapr.GetByteStateAsync(
            ComponentNames.Blobs, BlobKeys.Chunk(blobKey, index), cancellationToken: cancellationToken);

    /// <summary>A forward-only stream over the chunks, fetching one at a time as it is read.</summary>
    public Stream OpenRead(BlobManifest manifest) => new ChunkedReadStream(this, manifest);

    /// <summary>
    /// As <see cref="OpenRead(BlobManifest)"/>, starting from a first chunk the caller already read.
    /// </summary>
    public Stream OpenRead(BlobManifest manifest, ReadOnlyMemory<byte> firstChunk) =>
        new ChunkedReadStream(this, manifest, firstChunk);

    /// <summary>
    /// Deletes a blob's manifest and up to <paramref name="chunkCount"/> chunks in one call; keys
    /// that were never written are no error, so a half-written blob can be cleaned up too.
    /// </summary>
    public Task DeleteAsync(string blobKey, int chunkCount, CancellationToken cancellationToken) =>
        DeleteAsync([(blobKey, chunkCount)], cancellationToken);

    /// <summary>
    /// As <see cref="DeleteAsync(string, int, CancellationToken)"/>, for many blobs in one call; a key
    /// with no chunks is deleted on its own (a plain record beside the blobs).
    /// </summary>
    public Task DeleteAsync(
        IEnumerable<(string BlobKey, int ChunkCount)> blobs, CancellationToken cancellationToken)
    {
        var items = blobs
            .SelectMany(blob => Enumerable.Range(0, blob.ChunkCount)
                .Select(index => BlobKeys.Chunk(blob.BlobKey, index))
                .Prepend(blob.BlobKey))
            .Distinct(StringComparer.Ordinal)
            .Select(key => new BulkDeleteStateItem(key, ""))
            .ToList();
        return dapr.DeleteBulkStateAsync(ComponentNames.Blobs, items, cancellationToken);
    }
}
