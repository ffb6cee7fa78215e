using System.Text.Json;
using DaprPhotos.Contracts;

namespace DaprPhotos.Indexing.Tests.Support;

/// <summary>Looks behind the API at what the <c>index</c> store holds.</summary>
internal static class IndexInspection
{
    /// <summary>How many entries the photo has in the term's posting lists, over every shard.</summary>
    public static int EntriesOf(this IndexingApplication app, string term, string photoId) =>
        PostingKeys(app, term).Sum(key => Entries(app, key).Count(id => id == photoId));

    /// <summary>Every photo id in the term's posting lists, over every shard, repeats kept.</summary>
    public static List<string> PhotosUnder(this IndexingApplication app, string term) =>
        [.. PostingKeys(app, term).SelectMany(key => Entries(app, key))];

    /// <summary>The bytes stored under the term's posting lists, over every segment and shard.</summary>
    public static long PostingBytesOf(this IndexingApplication app, string term) =>
        PostingKeys(app, term)
            .Sum(key => (long)(app.Environment.StateStore(ComponentNames.Index).Get(key)?.Value.Length ?? 0));

    /// <summary>Every posting list that still holds an entry of the photo, by stored key.</summary>
    public static List<string> PostingsHolding(this IndexingApplication app, string photoId) =>
        [.. app.Environment.StateStore(ComponentNames.Index).Keys
            .Where(key => key.Contains("||post/", StringComparison.Ordinal))
            .Where(key => Entries(app, key).Contains(photoId))];

    private static IEnumerable<string> PostingKeys(IndexingApplication app, string term) =>
        app.Environment.StateStore(ComponentNames.Index).Keys
            .Where(key => key.Contains($"||post/{term}/", StringComparison.Ordinal));

    private static IEnumerable<string> Entries(IndexingApplication app, string storedKey)
    {
        var read = app.Environment.StateStore(ComponentNames.Index).Get(storedKey);
        if (read is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(read.Value.ToByteArray());
        return [.. document.RootElement.EnumerateArray()
            .Select(entry => entry.GetProperty("i").GetString()!)];
    }
}
