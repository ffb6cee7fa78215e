using System.Globalization;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// Keys in the <c>index</c> store. A term's posting list is split into shards by photo id, so
/// writers of a popular term spread over many keys while a query still reads them all in one bulk
/// get. The vocabulary is bucketed by the first two letters of a word, which is what a prefix
/// query knows.
/// </summary>
public static class IndexKeys
{
    public static string Photo(string photoId) => $"photo/{photoId}";

    public static string Posting(string term, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"post/{term}/{shard}");

    public static IEnumerable<string> Postings(string term, int shardCount) =>
        Enumerable.Range(0, shardCount).Select(shard => Posting(term, shard));

    public static string Vocabulary(string word) => $"vocab/{word[..Math.Min(2, word.Length)]}";

    /// <summary>The same photo always lands in the same shard (FNV-1a of its id).</summary>
    public static int ShardOf(string photoId, int shardCount)
    {
        var hash = 2166136261u;
        foreach (var character in photoId)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return (int)(hash % (uint)shardCount);
    }
}
