using DaprPhotos.Indexing.Documents;

namespace DaprPhotos.Indexing.Search;

/// <summary>One page of hits; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, string? ContinuationToken);

/// <summary>
/// A found photo: enough to show it in a list (the placeholder paints before the thumb loads).
/// </summary>
public sealed record SearchHit(
    string PhotoId,
    string? Title,
    DateTimeOffset? TakenAt,
    int Width,
    int Height,
    string? Placeholder,
    IReadOnlyList<string> Renditions)
{
    public static SearchHit From(SearchDocument document) => new(
        document.PhotoId,
        document.Title,
        document.TakenAt,
        document.Width,
        document.Height,
        document.Placeholder,
        document.Renditions);
}
