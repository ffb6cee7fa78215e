using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.Indexing.Terms;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// Answers a search in a few sidecar round-trips, bounded whatever the index size: the segment
/// listings of every criterion's terms (with the vocabulary bucket of the last word), the listings
/// of the words it completes to, the posting lists segment by segment, newest month first in growing
/// steps until the page is settled, and last the records of the page's photos, which confirm each
/// hit against the photo's current version (so a deleted or re-indexed photo never shows under a
/// term it left).
/// </summary>
public sealed class SearchEngine(
    PostingReader reader, PhotoDocuments documents, IOptions<IndexingOptions> options, TimeProvider time)
{
    // Two months first, then eight times as many each step: ten years of months take three steps.
    private const int FirstStepSegments = 2;
    private const int StepGrowth = 8;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var criteria = Criterion.Of(query).ToList();
        if (criteria.Count == 0)
        {
            criteria.Add(Criterion.Years(query, time.GetUtcNow()));
        }

        var lastWord = query.Words.Count > 0 ? query.Words[^1] : null;
        var completes = lastWord is { Length: >= 2 } && !TextFolding.IsNumber(lastWord);
        var (listed, bucket) = await reader.ListAsync(
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
            var (more, _) = await reader.ListAsync(
                [.. completions.Select(IndexTerms.Word)], null, cancellationToken);
            foreach (var (term, segments) in more)
            {
                listed[term] = segments;
            }
        }

        var plan = new SegmentPlan(query, criteria, listed);
        var postings = new Dictionary<string, List<PostingEntry>>(StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        for (var step = FirstStepSegments; plan.HasUnread; step *= StepGrowth)
        {
            // REVIEW: Sorted by upload, any capture month may hold the newest upload, so every month is
            // read at once and the cost grows with the index (3.7 MB for a tag on half of 100,000
            // photos); segments by upload month as well would let it stop early too.
            var lists = plan.Next(query.Sort == SearchSort.Uploaded ? int.MaxValue : step);
            foreach (var (term, entries) in await reader.ReadAsync(lists, cancellationToken))
            {
                postings[term] = [.. postings.GetValueOrDefault(term) ?? [], .. entries];
            }

            candidates = Candidate.Collect(query, criteria, postings);
            if (Candidate.AreSettled(query, criteria, candidates))
            {
                break;
            }
        }

        return await PageAsync(query, criteria, candidates, plan.HasUnread, cancellationToken);
    }

    private async Task<SearchResults> PageAsync(
        SearchQuery query,
        List<Criterion> criteria,
        List<Candidate> candidates,
        bool unreadSegments,
        CancellationToken cancellationToken)
    {
        var examined = candidates.OrderBy(candidate => candidate.Cursor, SearchCursor.Order)
            .Take(Candidate.Examined(query))
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

        var more = seen < candidates.Count || unreadSegments;
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
}
