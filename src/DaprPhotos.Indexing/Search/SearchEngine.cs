using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.Indexing.Terms;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// Answers a search in at most three sidecar round-trips whatever the index size: the posting lists
/// of every criterion (with the vocabulary bucket of the last word), the lists of the words it
/// completes to, and the records of the page's photos, which confirm each hit against the photo's
/// current version (so a deleted or re-indexed photo never shows under a term it left).
/// </summary>
public sealed class SearchEngine(
    PostingReader reader, PhotoDocuments documents, IOptions<IndexingOptions> options, TimeProvider time)
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var criteria = Criterion.Of(query).ToList();
        if (criteria.Count == 0)
        {
            criteria.Add(Criterion.Years(query, time.GetUtcNow()));
        }

        var lastWord = query.Words.Count > 0 ? query.Words[^1] : null;
        var completes = lastWord is { Length: >= 2 } && !TextFolding.IsNumber(lastWord);
        var (postings, bucket) = await reader.ReadAsync(
            [.. criteria.SelectMany(criterion => criterion.Terms)],
            completes ? lastWord : null,
            cancellationToken);

        var completions = Vocabulary.Completions(bucket, lastWord ?? "", options.Value.MaxPrefixCompletions)
            .Where(word => word != lastWord)
            .ToList();
        if (completions.Count > 0)
        {
            var lastIndex = query.Words.Count - 1;
            criteria[lastIndex] = criteria[lastIndex].WithCompletions(completions);
            var (more, _) = await reader.ReadAsync(
                [.. completions.Select(IndexTerms.Word)], null, cancellationToken);
            foreach (var (term, entries) in more)
            {
                postings[term] = entries;
            }
        }

        var candidates = Candidates(query, criteria, postings);
        return await PageAsync(query, criteria, candidates, cancellationToken);
    }

    private static List<Candidate> Candidates(
        SearchQuery query, List<Criterion> criteria, Dictionary<string, List<PostingEntry>> postings)
    {
        var matches = criteria.Select(criterion => criterion.Match(postings))
            .OrderBy(match => match.Count)
            .ToList();
        var from = query.TakenFrom?.ToUnixTimeMilliseconds();
        var before = query.TakenBefore?.ToUnixTimeMilliseconds();
        var candidates = new List<Candidate>();
        foreach (var (photoId, (entry, firstScore)) in matches[0])
        {
            var score = firstScore;
            var everywhere = true;
            for (var i = 1; i < matches.Count && everywhere; i++)
            {
                everywhere = matches[i].TryGetValue(photoId, out var other);
                score += other.Score;
            }

            if (!everywhere || (query.FiltersOnTaken && (entry.TakenAtMs is not { } taken
                || taken < from || taken >= before)))
            {
                continue;
            }

            var takenOrLast = entry.TakenAtMs ?? long.MinValue;
            var cursor = query.Sort switch
            {
                SearchSort.Relevance => new SearchCursor(score, takenOrLast, photoId),
                SearchSort.Uploaded => new SearchCursor(entry.UploadedAtMs, 0, photoId),
                _ => new SearchCursor(takenOrLast, 0, photoId),
            };
            if (query.After is null || cursor.IsAfter(query.After))
            {
                candidates.Add(new Candidate(photoId, cursor));
            }
        }

        return candidates;
    }

    private async Task<SearchResults> PageAsync(
        SearchQuery query,
        List<Criterion> criteria,
        List<Candidate> candidates,
        CancellationToken cancellationToken)
    {
        // A few more than a page, so a hit that fails confirmation rarely leaves the page short.
        var examined = candidates.OrderBy(candidate => candidate.Cursor, SearchCursor.Order)
            .Take(query.PageSize + Math.Max(4, query.PageSize / 4))
            .ToList();
        var photos = await documents.GetManyAsync([.. examined.Select(candidate => candidate.PhotoId)],
            cancellationToken);

        var hits = new List<SearchHit>();
        SearchCursor? last = null;
        var seen = 0;
        foreach (var candidate in examined)
        {
            if (hits.Count == query.PageSize)
            {
                break;
            }

            seen++;
            last = candidate.Cursor;
            var photo = photos.GetValueOrDefault(candidate.PhotoId);
            if (photo is { IsDeleted: false, Document: { } document }
                && Confirms(query, criteria, photo, document))
            {
                hits.Add(SearchHit.From(document));
            }
        }

        var more = seen < candidates.Count;
        return new SearchResults(hits, more && last is not null ? last.Encode(query.Fingerprint()) : null);
    }

    private static bool Confirms(
        SearchQuery query, List<Criterion> criteria, IndexedPhoto photo, SearchDocument document)
    {
        var terms = photo.Terms.ToHashSet(StringComparer.Ordinal);
        var taken = document.TakenAt;
        return criteria.All(criterion => criterion.HoldsFor(photo, terms))
            && (!query.FiltersOnTaken || (taken is { } at
                && (query.TakenFrom is not { } from || at >= from)
                && (query.TakenBefore is not { } before || at < before)));
    }

    private sealed record Candidate(string PhotoId, SearchCursor Cursor);
}
