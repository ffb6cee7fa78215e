using System.Buffers.Text;
using System.Text.Json;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// A position in a result order: by <see cref="Primary"/> descending, then <see cref="Secondary"/>
/// descending, then photo id. A page ends at the last hit's position and the next page starts after
/// it, so photos added meanwhile never shift what comes next or repeat a hit.
/// </summary>
public sealed record SearchCursor(long Primary, long Secondary, string PhotoId)
{
    /// <summary>The result order: earlier positions first.</summary>
    public static IComparer<SearchCursor> Order { get; } = Comparer<SearchCursor>.Create(Compare);

    public bool IsAfter(SearchCursor other) => Compare(this, other) > 0;

    // Descending on both numbers, then ascending on the id: the ids make every position unique.
    private static int Compare(SearchCursor? x, SearchCursor? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : 1) : -1;
        }

        var primary = y.Primary.CompareTo(x.Primary);
        if (primary != 0)
        {
            return primary;
        }

        var secondary = y.Secondary.CompareTo(x.Secondary);
        return secondary != 0 ? secondary : string.CompareOrdinal(x.PhotoId, y.PhotoId);
    }

    /// <summary>An opaque continuation token (base64url JSON) bound to one query.</summary>
    public string Encode(string fingerprint) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Token(fingerprint, this)));

    public static bool TryDecode(string text, string fingerprint, out SearchCursor? cursor)
    {
        cursor = null;
        try
        {
            var token = JsonSerializer.Deserialize<Token>(Base64Url.DecodeFromChars(text));
            if (token is not { Query: var query, At.PhotoId.Length: > 0 } || query != fingerprint)
            {
                return false;
            }

            cursor = token.At;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private sealed record Token(string Query, SearchCursor At);
}
