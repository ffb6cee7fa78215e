namespace DaprPhotos.Bench.Indexing;

/// <summary>A typical search, as a <c>GET /search</c> query string.</summary>
internal sealed record BenchQuery(string Name, string QueryString);

/// <summary>
/// The searches the issue names, over the vocabulary of <see cref="WordList"/>. <c>/search</c>
/// refuses a search with no criterion (400), so "everything, newest taken first" is asked as a
/// capture-time range that holds every photo, which reads the posting lists of every year.
/// </summary>
internal static class BenchQueries
{
    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        new("one word", "q=harbour"),
        new("two words", "q=sunset beach"),
        new("prefix word", "q=sun"),
        new("tag + date range", "tag=family&takenFrom=2023-01-01&takenTo=2023-12-31"),
        new("geo radius 10 km", "near=48.8566,2.3522&radiusKm=10"),
        new("tag on half the photos", $"tag={WordList.HalfTag}"),
        new("tag on half, newest upload first", $"tag={WordList.HalfTag}&sort=uploaded"),
        new("orientation (60 % of photos)", "orientation=landscape"),
        new("orientation, newest upload first", "orientation=landscape&sort=uploaded"),
        new("a word of half the descriptions, none of the titles", "q=the"),
        new("all photos, newest taken first", "takenFrom=1900-01-01&sort=taken"),
    ];
}
