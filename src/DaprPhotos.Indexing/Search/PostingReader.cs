using System.Text.Json;
using Dapr;
using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.ServiceDefaults;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// Reads what a search needs, each step in one bulk get: the segment listings of its terms (with a
/// prefix's vocabulary bucket), then the posting lists of chosen segments. daprd's
/// <c>--max-body-size</c> (4 MiB by default) caps responses too: a read the sidecar refuses as too
/// large is split in halves until each half fits.
/// </summary>
public sealed class PostingReader(DaprClient dapr, IOptions<IndexingOptions> options)
{
    /// <summary>
    /// The segments each term has postings in, and the words of the vocabulary bucket of
    /// <paramref name="prefix"/> when one is given.
    /// </summary>
    public async Task<(Dictionary<string, HashSet<string>> Segments, List<string> Vocabulary)> ListAsync(
        IReadOnlyCollection<string> terms, string? prefix, CancellationToken cancellationToken)
    {
        var termOfKey = terms.Distinct().ToDictionary(IndexKeys.Segments, term => term);
        var vocabularyKeys = prefix is null
            ? []
            : IndexKeys.VocabularyShards(prefix, options.Value.ShardCount).ToHashSet(StringComparer.Ordinal);

        var segments = termOfKey.Values.ToDictionary(
            term => term, _ => new HashSet<string>(StringComparer.Ordinal));
        List<string> vocabulary = [];
        foreach (var item in await BulkGetAsync([.. termOfKey.Keys, .. vocabularyKeys], cancellationToken))
        {
            if (vocabularyKeys.Contains(item.Key))
            {
                vocabulary.AddRange(Deserialize<string>(item.Value));
            }
            else if (termOfKey.TryGetValue(item.Key, out var term))
            {
                segments[term].UnionWith(Deserialize<string>(item.Value));
            }
        }

        return (segments, vocabulary);
    }

    /// <summary>The entries of each term in the given segments, every shard of each.</summary>
    public async Task<Dictionary<string, List<PostingEntry>>> ReadAsync(
        IEnumerable<(string Term, string Segment)> lists, CancellationToken cancellationToken)
    {
        var shardCount = options.Value.ShardCount;
        var termOfKey = lists.Distinct()
            .SelectMany(list => IndexKeys.Postings(list.Term, list.Segment, shardCount)
                .Select(key => (Key: key, list.Term)))
            .ToDictionary(pair => pair.Key, pair => pair.Term);

        var postings = termOfKey.Values.Distinct().ToDictionary(term => term, _ => new List<PostingEntry>());
        foreach (var item in await BulkGetAsync([.. termOfKey.Keys], cancellationToken))
        {
            postings[termOfKey[item.Key]].AddRange(Deserialize<PostingEntry>(item.Value));
        }

        return postings;
    }

    /// <summary>The items of the keys that hold a value.</summary>
    private async Task<IEnumerable<BulkStateItem>> BulkGetAsync(
        List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        try
        {
            var items = await dapr.GetBulkStateAsync(
                ComponentNames.Index, keys, parallelism: null, cancellationToken: cancellationToken);
            return items.Where(item => !string.IsNullOrEmpty(item.Value));
        }
        // REVIEW: A read that outgrows one response is refused first, every time, and the refused
        // call costs the sidecar a full read; remembering how large a term's months were would let
        // the reader split before asking.
        catch (DaprException ex) when (keys.Count > 1
            && ex.InnerException is RpcException { StatusCode: StatusCode.ResourceExhausted })
        {
            var halves = await Task.WhenAll(
                BulkGetAsync(keys[..(keys.Count / 2)], cancellationToken),
                BulkGetAsync(keys[(keys.Count / 2)..], cancellationToken));
            return halves.SelectMany(half => half);
        }
    }

    private static List<T> Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<List<T>>(json, DaprPhotosJson.SerializerOptions) ?? [];
}
