using System.Security.Cryptography;
using System.Text;
using DaprPhotos.Indexing.Terms;

namespace DaprPhotos.Indexing.Search;

/// <summary>A validated search: every criterion must hold; hits come in <see cref="Sort"/> order.</summary>
/// <param name="Words">The query's words, folded; the last one also matches as a prefix.</param>
/// <param name="TakenFrom">Inclusive lower bound of the capture time.</param>
/// <param name="TakenBefore">Exclusive upper bound of the capture time.</param>
public sealed record SearchQuery(
    IReadOnlyList<string> Words,
    IReadOnlyList<string> TagTerms,
    IReadOnlyList<string> CameraTerms,
    DateTimeOffset? TakenFrom,
    DateTimeOffset? TakenBefore,
    PhotoShape? Shape,
    GeoCircle? Near,
    SearchSort Sort,
    int PageSize,
    SearchCursor? After)
{
    public bool FiltersOnTaken => TakenFrom is not null || TakenBefore is not null;

    /// <summary>
    /// Identifies the criteria and order, so a token is only honoured by the query it came from.
    /// </summary>
    public string Fingerprint()
    {
        var text = string.Join('\n',
            string.Join(' ', Words), string.Join(' ', TagTerms), string.Join(' ', CameraTerms),
            TakenFrom?.ToUnixTimeMilliseconds(), TakenBefore?.ToUnixTimeMilliseconds(), Shape,
            Near?.ToString(), Sort);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}

public sealed record GeoCircle(double Latitude, double Longitude, double RadiusKm)
{
    public bool Contains(double latitude, double longitude) =>
        GeoGrid.DistanceKm(Latitude, Longitude, latitude, longitude) <= RadiusKm;
}

public enum SearchSort
{
    /// <summary>Best match first (only with words), then newest taken.</summary>
    Relevance,

    /// <summary>Newest capture time first; photos with no capture time last.</summary>
    Taken,

    /// <summary>Newest upload first.</summary>
    Uploaded,
}
