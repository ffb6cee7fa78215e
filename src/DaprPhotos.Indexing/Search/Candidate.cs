using DaprPhotos.Indexing.Storage;

namespace DaprPhotos.Indexing.Search;

/// <summary>A photo its postings say matches the search, at its place in the result order.</summary>
public sealed record Candidate(string PhotoId, SearchCursor Cursor)
{
    /// <summary>The photos matching every criterion in the postings read, after the cursor.</summary>
    public static List<Candidate> Collect(
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

    /// <summary>
    /// Whether the segments not read yet cannot change the page: each of their photos was taken
    /// before every photo read, so it sorts after the page's by capture time, and by relevance too
    /// once the page's candidates all have the best score a photo can have.
    /// </summary>
    public static bool AreSettled(SearchQuery query, List<Criterion> criteria, List<Candidate> candidates)
    {
        var examined = Examined(query);
        if (candidates.Count < examined)
        {
            return false;
        }

        // REVIEW: A word that is in no title never reaches the best score, so its search reads every
        // month (4.4 MB for "the" at 100,000 photos); postings split by field would let it settle.
        var best = criteria.Sum(criterion => criterion.BestScore);
        return query.Sort switch
        {
            SearchSort.Taken => true,
            SearchSort.Relevance => candidates.Select(candidate => candidate.Cursor)
                .Order(SearchCursor.Order)
                .Take(examined)
                .All(cursor => cursor.Primary >= best),
            _ => false,
        };
    }

    // A few more than a page, so a hit that fails confirmation rarely leaves the page short.
    public static int Examined(SearchQuery query) => query.PageSize + Math.Max(4, query.PageSize / 4);
}
