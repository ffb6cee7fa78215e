using System.Text.Json;
using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Search;

/// <summary>Reads whole posting lists (every shard of each term) in one bulk get.</summary>
public sealed class PostingReader(DaprClient dapr, IOptions<IndexingOptions> options)
{
    /// <summary>
    /// The entries of each term, and the words of the vocabulary bucket of <paramref name="prefix"/>
    /// when one is given.
    /// </summary>
    public async Task<(Dictionary<string, List<PostingEntry>> Postings, List<string> Vocabulary)> ReadAsync(
        IReadOnlyCollection<string> terms, string? prefix, CancellationToken cancellationToken)
    {
        var shardCount = options.Value.ShardCount;
        var termOfKey = terms.Distinct()
            .SelectMany(term => IndexKeys.Postings(term, shardCount).Select(key => (key, term)))
            .ToDictionary(pair => pair.key, pair => pair.term);
        var vocabularyKeys = prefix is null
            ? []
            : IndexKeys.VocabularyShards(prefix, shardCount).ToHashSet(StringComparer.Ordinal);
        List<string> keys = [.. termOfKey.Keys, .. vocabularyKeys];

        var postings = terms.Distinct().ToDictionary(term => term, _ => new List<PostingEntry>());
        List<string> vocabulary = [];
        if (keys.Count == 0)
        {
            return (postings, vocabulary);
        }

        var items = await dapr.GetBulkStateAsync(
            ComponentNames.Index, keys, parallelism: null, cancellationToken: cancellationToken);
        foreach (var item in items.Where(item => !string.IsNullOrEmpty(item.Value)))
        {
            if (vocabularyKeys.Contains(item.Key))
            {
                vocabulary.AddRange(Deserialize<string>(item.Value));
            }
            else if (termOfKey.TryGetValue(item.Key, out var term))
            {
                postings[term].AddRange(Deserialize<PostingEntry>(item.Value));
            }
        }

        return (postings, vocabulary);
    }

    private static List<T> Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<List<T>>(json, DaprPhotosJson.SerializerOptions) ?? [];
}
