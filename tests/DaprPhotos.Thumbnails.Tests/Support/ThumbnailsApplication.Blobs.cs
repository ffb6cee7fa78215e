using System.Security.Cryptography;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Imaging;

namespace DaprPhotos.Thumbnails.Tests.Support;

// The blobs store as upload, or an older version of a service, would read and write it.
internal sealed partial class ThumbnailsApplication
{
    /// <summary>Stores an original in chunks, as upload does, and returns the event that names it.</summary>
    public async Task<PhotoUploaded> StoreOriginalAsync(
        byte[] bytes, CancellationToken cancellationToken, string? photoId = null)
    {
        photoId ??= Guid.CreateVersion7().ToString("N");
        var key = BlobKeys.Original(photoId);
        const int chunkSize = 1024 * 1024;
        var chunks = 0;
        for (var offset = 0; offset < bytes.Length || chunks == 0; offset += chunkSize)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset));
            await Blobs.WriteChunkAsync(key, chunks++, chunk, cancellationToken);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var format = FormatSniffer.Detect(bytes).Format?.Name ?? "unknown";
        var manifest = new BlobManifest(
            key, "image/jpeg", bytes.Length, sha256, chunks, chunkSize, DateTimeOffset.UtcNow);
        await Blobs.WriteManifestAsync(manifest, cancellationToken);
        return new PhotoUploaded(Guid.NewGuid(), photoId, DateTimeOffset.UtcNow, key, format, 0, 0,
            bytes.Length, sha256, "photo.jpg", null, null, []);
    }

    /// <summary>
    /// Every key stored in <c>blobs</c> under the photo's renditions: manifests, chunks, set records
    /// and the record of its sets, as the store holds them (with their prefix).
    /// </summary>
    public IReadOnlyList<string> RenditionKeys(string photoId) =>
        [.. Environment.StateStore(ComponentNames.Blobs).Keys
            .Where(key => key.Contains($"rendition/{photoId}/", StringComparison.Ordinal))];

    /// <summary>Writes a record into <c>blobs</c> as another version of a service left it.</summary>
    public Task WriteRecordAsync<T>(string key, T value, CancellationToken cancellationToken) =>
        _upload.SaveStateAsync(ComponentNames.Blobs, key, value, cancellationToken: cancellationToken);

    /// <summary>Deletes a record from <c>blobs</c>, as if an older version had never written it.</summary>
    public Task DeleteRecordAsync(string key, CancellationToken cancellationToken) =>
        _upload.DeleteStateAsync(ComponentNames.Blobs, key, cancellationToken: cancellationToken);

    /// <summary>Reads a record from <c>blobs</c>, as upload's sidecar sees it.</summary>
    public Task<T?> ReadRecordAsync<T>(string key, CancellationToken cancellationToken) =>
        _upload.GetStateAsync<T?>(ComponentNames.Blobs, key, cancellationToken: cancellationToken);

    /// <summary>Reads a stored blob back as bytes.</summary>
    public async Task<byte[]> ReadBlobAsync(string key, CancellationToken cancellationToken)
    {
        var manifest = await Blobs.GetManifestAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"No blob {key}");
        await using var stream = Blobs.OpenRead(manifest);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
