namespace DaprPhotos.Blobs;

/// <summary>
/// What a stored blob is: written after its last chunk, so a manifest always describes bytes that
/// are all there. Blobs are immutable: a key is written once.
/// </summary>
/// <param name="Sha256">Lower-case hex of the whole content; also its strong ETag.</param>
public sealed record BlobManifest(
    string Key,
    string MediaType,
    long SizeBytes,
    string Sha256,
    int ChunkCount,
    int ChunkSizeBytes,
    DateTimeOffset CreatedAt);
