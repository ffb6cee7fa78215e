using System.Globalization;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// The part of a term's posting list a photo's entry is kept in: the month the photo was taken
/// (UTC, <c>yyyyMM</c>), or <see cref="Undated"/>. A key then holds the photos of one month, so the
/// cost of writing a popular term does not grow with the index, and a search sorted by capture time
/// reads the newest months first and stops once its page is settled.
/// </summary>
// REVIEW: A key still grows with the photos of one month that share a term; a library with tens of
// thousands of photos in a month would need that month split further (by day, or more shards), with
// the listing naming the split.
public static class PostingSegment
{
    public const string Undated = "undated";

    private const string Format = "yyyyMM";

    public static string Of(long? takenAtMs) =>
        takenAtMs is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString(Format, CultureInfo.InvariantCulture)
            : Undated;

    /// <summary>The order a search reads them in: newest month first, undated last.</summary>
    public static IEnumerable<string> NewestFirst(IEnumerable<string> segments) =>
        segments.Distinct()
            .OrderBy(segment => segment == Undated)
            .ThenByDescending(segment => segment, StringComparer.Ordinal);

    /// <summary>Whether photos of the segment may have been taken in [from, before).</summary>
    public static bool MayHold(string segment, DateTimeOffset? from, DateTimeOffset? before)
    {
        if (segment == Undated || Start(segment) is not { } start)
        {
            return from is null && before is null;
        }

        return (from is null || start.AddMonths(1) > from) && (before is null || start < before);
    }

    /// <summary>Whether its photos were all taken after the month of <paramref name="takenMs"/>.</summary>
    public static bool IsNewerThan(string segment, long takenMs) =>
        segment != Undated && string.CompareOrdinal(segment, Of(takenMs)) > 0;

    private static DateTimeOffset? Start(string segment) =>
        DateTime.TryParseExact(segment, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            ? new DateTimeOffset(start, TimeSpan.Zero)
            : null;
}
