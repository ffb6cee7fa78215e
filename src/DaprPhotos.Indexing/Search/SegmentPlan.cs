using DaprPhotos.Indexing.Storage;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// Which segments a search reads, in order: those every criterion has postings in (a photo's
/// entries are all in its one segment), that may hold its capture-time range, and, sorted by capture
/// time after a continuation token, not newer than the token's month; newest first.
/// </summary>
public sealed class SegmentPlan
{
    private readonly IReadOnlyList<string> _segments;
    private readonly IReadOnlyList<string> _terms;
    private readonly Dictionary<string, HashSet<string>> _listed;
    private int _read;

    public SegmentPlan(
        SearchQuery query, IReadOnlyList<Criterion> criteria, Dictionary<string, HashSet<string>> listed)
    {
        _listed = listed;
        _terms = [.. criteria.SelectMany(criterion => criterion.Terms).Distinct()];
        var common = criteria
            .Select(criterion => criterion.Terms.SelectMany(Listed).ToHashSet(StringComparer.Ordinal))
            .Aggregate((all, next) => [.. all.Intersect(next)]);
        var segments = common.Where(segment =>
            PostingSegment.MayHold(segment, query.TakenFrom, query.TakenBefore));
        if (query is { Sort: SearchSort.Taken, After: { } after })
        {
            segments = after.Primary == long.MinValue
                ? segments.Where(segment => segment == PostingSegment.Undated)
                : segments.Where(segment => !PostingSegment.IsNewerThan(segment, after.Primary));
        }

        _segments = [.. PostingSegment.NewestFirst(segments)];
    }

    public bool HasUnread => _read < _segments.Count;

    /// <summary>The posting lists of the next <paramref name="count"/> segments.</summary>
    public List<(string Term, string Segment)> Next(int count)
    {
        var next = _segments.Skip(_read).Take(count).ToList();
        _read += next.Count;
        return [.. next.SelectMany(segment => _terms
            .Where(term => Listed(term).Contains(segment))
            .Select(term => (term, segment)))];
    }

    private HashSet<string> Listed(string term) => _listed.GetValueOrDefault(term) ?? [];
}
