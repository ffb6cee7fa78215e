using DaprPhotos.EndToEnd.Tests.Support;

namespace DaprPhotos.EndToEnd.Tests.Chaos;

/// <summary>
/// What "orphaned" means in <c>blobs</c>: a key under <c>original/{id}</c> or
/// <c>rendition/{id}</c> (manifests, chunks, rendition sets) whose photo has no record, or whose
/// record is deleted; or a key that names no photo at all. A failed photo still exists: upload
/// keeps its record and original (nothing in upload removes them, so a redrive can render it
/// again), and whatever renditions thumbnails stored before it gave up belong to it too. An upload
/// cut off mid-way leaves chunks with no record until upload's janitor sweeps them
/// (<c>AbandonedUploadAfterSeconds</c>), so orphans are counted once the janitor has had its turn.
/// </summary>
internal static class ChaosOrphans
{
    public static IReadOnlyList<string> Find(Pipeline pipeline)
    {
        var living = pipeline.PhotoRecords()
            .Where(photo => photo.Status != PhotoView.Deleted)
            .Select(photo => photo.Id)
            .ToHashSet();
        return [.. pipeline.BlobKeys().Where(key => !key.StartsWith("tombstone/", StringComparison.Ordinal)
            && (Pipeline.PhotoIdOfBlob(key) is not { } photoId || !living.Contains(photoId)))];
    }
}
