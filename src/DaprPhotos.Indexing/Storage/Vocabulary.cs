using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// The words a query's last word can complete to, in buckets by their first two letters. Words are
/// only ever added, so each replica remembers the words it has seen stored and skips them: after
/// warm-up an indexed photo rarely touches the vocabulary at all.
/// </summary>
public sealed class Vocabulary(IOptions<IndexingOptions> options)
{
    private readonly KnownMembers _stored = new(capacity: 200_000);

    /// <summary>Changes that add the words not yet known to be stored, one per bucket.</summary>
    public IEnumerable<SetChange> Additions(IEnumerable<string> words) =>
        words.Where(word => !_stored.Contains(word))
            .Distinct()
            .GroupBy(word => IndexKeys.Vocabulary(word, options.Value.ShardCount))
            .Select(bucket => new AddMembers(bucket.Key, [.. bucket]));

    public void Remember(IEnumerable<string> words) => _stored.Remember(words);

    /// <summary>
    /// Stored words of the bucket that start with <paramref name="prefix"/>, shortest first.
    /// </summary>
    public static IReadOnlyList<string> Completions(
        IEnumerable<string> bucket, string prefix, int limit) =>
        [.. bucket.Where(word => word.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(word => word.Length)
            .ThenBy(word => word, StringComparer.Ordinal)
            .Take(limit)];
}
