using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.Indexing.Terms;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// One condition of a search: the photo is posted under at least one of <see cref="Terms"/>.
/// A word criterion scores its match by where the word was found, a full word twice a completion.
/// </summary>
public sealed record Criterion(
    IReadOnlyList<string> Terms, string? ExactWordTerm = null, GeoCircle? Circle = null)
{
    public bool IsWord => ExactWordTerm is not null;

    /// <summary>The most a photo can score on this criterion: the word itself in the title.</summary>
    public int BestScore => IsWord ? 2 * SearchFieldWeights.Highest : 0;

    public static IEnumerable<Criterion> Of(SearchQuery query)
    {
        foreach (var word in query.Words)
        {
            yield return new Criterion([IndexTerms.Word(word)], IndexTerms.Word(word));
        }

        foreach (var term in query.TagTerms.Concat(query.CameraTerms))
        {
            yield return new Criterion([term]);
        }

        if (query.Shape is { } shape)
        {
            yield return new Criterion([IndexTerms.Shape(shape)]);
        }

        if (query.Near is { } circle)
        {
            var cells = GeoGrid.Cover(circle.Latitude, circle.Longitude, circle.RadiusKm);
            yield return new Criterion(cells, Circle: circle);
        }
    }

    /// <summary>
    /// A capture-time range alone is read through the years it spans (other criteria filter on the
    /// time every entry carries instead).
    /// </summary>
    public static Criterion Years(SearchQuery query, DateTimeOffset now)
    {
        var last = (query.TakenBefore ?? now.AddDays(1)).AddTicks(-1).UtcDateTime.Year;
        var first = Math.Max(query.TakenFrom?.UtcDateTime.Year ?? last - 100, last - 200);
        var years = Enumerable.Range(first, Math.Max(0, last - first + 1));
        return new Criterion([.. years.Select(IndexTerms.TakenYear)]);
    }

    /// <summary>The last word's criterion widened to the words it completes to.</summary>
    public Criterion WithCompletions(IEnumerable<string> words) =>
        this with { Terms = [.. Terms.Concat(words.Select(IndexTerms.Word)).Distinct()] };

    /// <summary>Each matching photo's entry and score.</summary>
    public Dictionary<string, (PostingEntry Entry, int Score)> Match(
        IReadOnlyDictionary<string, List<PostingEntry>> postings)
    {
        var matches = new Dictionary<string, (PostingEntry Entry, int Score)>(StringComparer.Ordinal);
        foreach (var term in Terms)
        {
            foreach (var entry in postings.GetValueOrDefault(term) ?? [])
            {
                if (Circle is not null && (entry.Latitude is not { } latitude
                    || entry.Longitude is not { } longitude || !Circle.Contains(latitude, longitude)))
                {
                    continue;
                }

                var score = IsWord
                    ? SearchFieldWeights.Best(entry.Fields) * (term == ExactWordTerm ? 2 : 1)
                    : 0;
                if (!matches.TryGetValue(entry.PhotoId, out var found) || found.Score < score)
                {
                    matches[entry.PhotoId] = (entry, score);
                }
            }
        }

        return matches;
    }

    /// <summary>Whether the photo's current record still meets the criterion (postings may lag it).</summary>
    public bool HoldsFor(IndexedPhoto photo, IReadOnlySet<string> photoTerms) =>
        Terms.Any(photoTerms.Contains)
        && (Circle is null || photo.Document is { Latitude: { } latitude, Longitude: { } longitude }
            && Circle.Contains(latitude, longitude));
}
