using Microsoft.Extensions.Options;

using System.Collections.Concurrent;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// The words a query's last word can complete to, in buckets by their first two letters. Words are
/// only ever added, so each replica remembers the words it has seen stored and skips them: after
/// warm-up an indexed photo rarely touches the vocabulary at all.
/// </summary>
public sealed class Vocabulary(IOptions<IndexingOptions> options)
{
    private const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<string, byte> _stored = new(StringComparer.Ordinal);

    /// <summary>Changes that add the words not yet known to be stored, one per bucket.</summary>
    public IEnumerable<SetChange> Additions(IEnumerable<string> words) =>
        words.Where(word => !_stored.ContainsKey(word))
            .Distinct()
            .GroupBy(word => IndexKeys.Vocabulary(word, options.Value.ShardCount))
            .Select(bucket => new AddWords(bucket.Key, [.. bucket]));

    public void Remember(IEnumerable<string> words)
    {
        // A cap instead of an eviction policy: forgetting costs one read, never correctness.
        if (_stored.Count >= MaxRemembered)
        {
            _stored.Clear();
        }

        foreach (var word in words)
        {
            _stored.TryAdd(word, 0);
        }
    }

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
