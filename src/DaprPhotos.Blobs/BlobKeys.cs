namespace DaprPhotos.Blobs;

/// <summary>
/// Keys in the shared <c>blobs</c> store. Every app sees the same keys (<c>keyPrefix: name</c>), so
/// the scheme is part of the contract between services.
/// </summary>
public static class BlobKeys
{
    public static string Original(string photoId) => $"original/{photoId}";

    /// <summary>
    /// A rendition's key names its spec, so a redelivery writes the same key and a new spec a new one.
    /// </summary>
    public static string Rendition(string photoId, string renditionName, string specFingerprint) =>
        $"rendition/{photoId}/{renditionName}-{specFingerprint}";

    /// <summary>What one rendition pass produced for a photo (renditions, metadata, placeholder).</summary>
    public static string RenditionSet(string photoId, string setFingerprint) =>
        $"rendition/{photoId}/set-{setFingerprint}";

    /// <summary>
    /// Which rendition sets are stored for a photo, whatever spec rendered them, so deleting the photo
    /// finds the sets of older specs too.
    /// </summary>
    public static string RenditionSets(string photoId) => $"rendition/{photoId}/sets";

    /// <summary>Marks a deleted photo, so a late event about it is dropped rather than acted on.</summary>
    public static string Tombstone(string photoId) => $"tombstone/{photoId}";

    public static string Chunk(string blobKey, int index) => $"{blobKey}/chunk/{index:D5}";
}
