using System.Text.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.State;

namespace DaprPhotos.EndToEnd.Tests.Support;

// Looking behind the APIs at what the stores hold, by the keys each service writes there.
internal sealed partial class Pipeline
{
    /// <summary>Every <c>blobs</c> key, without the store's prefix.</summary>
    public IReadOnlyList<string> BlobKeys() =>
        [.. Environment.StateStore(ComponentNames.Blobs).Keys.Select(WithoutPrefix)];

    /// <summary>The photo's <c>blobs</c> keys: original, chunks, renditions, set record, tombstone.</summary>
    public IReadOnlyList<string> BlobKeysOf(string photoId) =>
        [.. BlobKeys().Where(key => PhotoIdOfBlob(key) == photoId)];

    /// <summary>
    /// The photo a <c>blobs</c> key belongs to: <c>original/{id}…</c>, <c>rendition/{id}/…</c> or
    /// <c>tombstone/{id}</c>.
    /// </summary>
    public static string? PhotoIdOfBlob(string key) =>
        key.Split('/') is [("original" or "rendition" or "tombstone"), var photoId, ..] ? photoId : null;

    /// <summary>Every posting list in the <c>index</c> store that holds the photo, by stored key.</summary>
    public IReadOnlyList<string> PostingsHolding(string photoId) =>
        [.. PostingLists().Where(list => list.PhotoIds.Contains(photoId)).Select(list => list.Key)];

    /// <summary>Every posting list (a shard of one term) and the photo ids in it, repeats kept.</summary>
    public IEnumerable<(string Key, IReadOnlyList<string> PhotoIds)> PostingLists()
    {
        var index = Environment.StateStore(ComponentNames.Index);
        var postingKeys = index.Keys
            .Where(key => WithoutPrefix(key).StartsWith("post/", StringComparison.Ordinal));
        foreach (var key in postingKeys)
        {
            if (index.Get(key) is { } read)
            {
                using var entries = JsonDocument.Parse(read.Value.Memory);
                var photoIds = entries.RootElement.EnumerateArray()
                    .Select(entry => entry.GetProperty("i").GetString()!);
                yield return (key, [.. photoIds]);
            }
        }
    }

    /// <summary>Every photo record in upload's <c>photos</c> store.</summary>
    public IReadOnlyList<StoredPhoto> PhotoRecords()
    {
        var photos = Environment.StateStore(ComponentNames.Photos);
        return [.. photos.Keys
            .Where(key => WithoutPrefix(key).StartsWith("photo/", StringComparison.Ordinal))
            .Select(photos.Get)
            .OfType<StateRead>()
            .Select(read => JsonSerializer.Deserialize<StoredPhoto>(read.Value.Span, StoredJson)!)];
    }

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    private static string WithoutPrefix(string key) =>
        key.IndexOf(StateKeyPrefix.Separator, StringComparison.Ordinal) is var at and >= 0
            ? key[(at + StateKeyPrefix.Separator.Length)..]
            : key;
}

/// <summary>A photo record as upload stores it: just what the end-to-end checks read.</summary>
internal sealed record StoredPhoto(string Id, string Status, string? LastError, string? LastErrorAppId)
{
    public override string ToString() => $"{Id} {Status} {LastErrorAppId}: {LastError}";
}
