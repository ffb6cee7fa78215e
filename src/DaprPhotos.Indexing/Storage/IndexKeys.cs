using System.Globalization;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// Keys in the <c>index</c> store. A term's posting list is split by the month its photos were taken
/// (<see cref="PostingSegment"/>) and each month into shards by photo id, so writers of a popular
/// term spread over many small keys; <c>segments/{term}</c> lists the months a term has postings in,
/// so a query reads only keys that may exist. The vocabulary is bucketed by the first two letters
/// of a word, which is what a prefix query knows, and sharded the same way, so many new words of
/// one bucket do not meet on one key.
/// </summary>
// REVIEW: An index written before postings were split by month (post/{term}/{shard}) is not read by
// this layout and there is no migration: re-index every photo after upgrading.
public static class IndexKeys
{
    public static string Photo(string photoId) => $"photo/{photoId}";

    public static string Posting(string term, string segment, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"post/{term}/{segment}/{shard}");

    /// <summary>Every shard of the term's posting list for one segment.</summary>
    public static IEnumerable<string> Postings(string term, string segment, int shardCount) =>
        Enumerable.Range(0, shardCount).Select(shard => Posting(term, segment, shard));

    /// <summary>The sorted list of segments the term has postings in.</summary>
    public static string Segments(string term) => $"segments/{term}";

    /// <summary>The vocabulary shard a word is kept in: its first two letters, then its hash.</summary>
    public static string Vocabulary(string word, int shardCount) =>
        VocabularyShard(word, ShardOf(word, shardCount));

    /// <summary>Every shard of the vocabulary bucket a prefix of two or more letters falls in.</summary>
    public static IEnumerable<string> VocabularyShards(string prefix, int shardCount) =>
        Enumerable.Range(0, shardCount).Select(shard => VocabularyShard(prefix, shard));

    private static string VocabularyShard(string word, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"vocab/{word[..Math.Min(2, word.Length)]}/{shard}");

    /// <summary>The same photo (or word) always lands in the same shard: FNV-1a of its text.</summary>
    public static int ShardOf(string text, int shardCount)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return (int)(hash % (uint)shardCount);
    }
}
