using System.Globalization;

namespace DaprPhotos.Indexing.Terms;

/// <summary>
/// The names of the index's terms, one family per kind of criterion, so a word and a tag or a
/// camera of the same spelling never share a posting list.
/// </summary>
public static class IndexTerms
{
    public static string Word(string foldedWord) => $"w:{foldedWord}";

    /// <summary>A tag as one term: its words joined by '-', so "New York" and "new-york" agree.</summary>
    public static string? Tag(string tag) =>
        string.Join('-', TextFolding.Words(tag)) is { Length: > 0 } joined ? $"tag:{joined}" : null;

    public static string CameraWord(string foldedWord) => $"cam:{foldedWord}";

    public static string Shape(PhotoShape shape) =>
        $"shape:{shape.ToString().ToLowerInvariant()}";

    public static string TakenYear(int year) => $"year:{year.ToString(CultureInfo.InvariantCulture)}";

    public static string GeoCell(int level, int row, int column) =>
        string.Create(CultureInfo.InvariantCulture, $"geo{level}:{row}:{column}");

    public static bool IsGeoCell(string term) => term.StartsWith("geo", StringComparison.Ordinal);
}

/// <summary>How the photo displays: wider than tall, taller than wide, or neither.</summary>
public enum PhotoShape
{
    Landscape,
    Portrait,
    Square,
}
