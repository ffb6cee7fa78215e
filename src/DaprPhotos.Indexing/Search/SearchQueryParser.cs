using System.Globalization;
using DaprPhotos.Indexing.Terms;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// Validates <c>GET /search</c>'s parameters into a <see cref="SearchQuery"/>, or names each
/// parameter that is wrong and why (the problem details' <c>errors</c>).
/// </summary>
public sealed class SearchQueryParser(IOptions<IndexingOptions> options)
{
    private const string CriteriaList = "q, tag, camera, takenFrom, takenTo, orientation or near";

    public SearchQuery? Parse(SearchRequest request, out Dictionary<string, string[]> errors)
    {
        var limits = options.Value;
        var problems = new Dictionary<string, string[]>();
        void Fail(string parameter, string message) => problems[parameter] = [message];

        var words = TextFolding.Words(request.Q).Distinct().ToList();
        if (request.Q is { Length: > 0 } && words.Count == 0)
        {
            Fail("q", "The query has no words (letters or digits).");
        }
        else if (words.Count > limits.MaxQueryWords)
        {
            Fail("q", $"At most {limits.MaxQueryWords} words are allowed; {words.Count} were sent.");
        }

        var tags = (request.Tag ?? []).Select(IndexTerms.Tag).ToList();
        if (tags.Any(tag => tag is null))
        {
            Fail("tag", "A tag needs at least one letter or digit.");
        }
        else if (tags.Count > limits.MaxQueryTags)
        {
            Fail("tag", $"At most {limits.MaxQueryTags} tags are allowed; {tags.Count} were sent.");
        }

        var camera = TextFolding.Words(request.Camera).Distinct().Select(IndexTerms.CameraWord).ToList();
        if (request.Camera is { Length: > 0 } && camera.Count == 0)
        {
            Fail("camera", "The camera has no words (letters or digits).");
        }

        var takenFrom = Date(request.TakenFrom, "takenFrom", endOfDay: false, Fail);
        var takenBefore = Date(request.TakenTo, "takenTo", endOfDay: true, Fail);
        if (takenFrom >= takenBefore)
        {
            Fail("takenTo", "takenTo must not be before takenFrom.");
        }

        var shape = Shape(request.Orientation, Fail);
        var near = Near(request, limits, Fail);
        var sort = Sort(request.Sort, words.Count > 0, Fail);
        var pageSize = limits.DefaultPageSize;
        if (request.PageSize is { } size && (!int.TryParse(size, NumberStyles.None,
            CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > limits.MaxPageSize))
        {
            Fail("pageSize", $"Use a whole number from 1 to {limits.MaxPageSize}.");
        }

        if (problems.Count == 0 && words.Count == 0 && tags.Count == 0 && camera.Count == 0
            && takenFrom is null && takenBefore is null && shape is null && near is null)
        {
            Fail("q", $"Give at least one of {CriteriaList}.");
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return null;
        }

        var query = new SearchQuery(words, [.. tags.OfType<string>().Distinct()], camera, takenFrom,
            takenBefore, shape, near, sort!.Value, pageSize, null);
        if (request.ContinuationToken is { Length: > 0 } token)
        {
            if (!SearchCursor.TryDecode(token, query.Fingerprint(), out var cursor))
            {
                Fail("continuationToken", "The token is malformed or belongs to a different search.");
                return null;
            }

            query = query with { After = cursor };
        }

        return query;
    }

    private static DateTimeOffset? Date(
        string? text, string parameter, bool endOfDay, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(
            text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            return endOfDay ? moment.AddMilliseconds(1) : moment;
        }

        fail(parameter, "Use an ISO 8601 date (2024-06-30) or date and time (2024-06-30T18:00:00Z).");
        return null;
    }

    private static GeoCircle? Near(SearchRequest request, IndexingOptions limits, Action<string, string> fail)
    {
        var radius = limits.DefaultRadiusKm;
        if (request.RadiusKm is { } radiusText && (!double.TryParse(radiusText, NumberStyles.Float,
            CultureInfo.InvariantCulture, out radius) || !(radius > 0 && radius <= limits.MaxRadiusKm)))
        {
            fail("radiusKm", $"Use a distance in kilometres above 0 and at most {limits.MaxRadiusKm}.");
            return null;
        }

        if (request.Near is null)
        {
            if (request.RadiusKm is not null)
            {
                fail("radiusKm", "radiusKm needs near=lat,lon.");
            }

            return null;
        }

        var parts = request.Near.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180)
        {
            return new GeoCircle(latitude, longitude, radius);
        }

        fail("near", "Use lat,lon in decimal degrees, e.g. near=48.8584,2.2945.");
        return null;
    }

    private static SearchSort? Sort(string? text, bool hasWords, Action<string, string> fail)
    {
        var sort = text?.ToLowerInvariant() switch
        {
            null or "" => hasWords ? SearchSort.Relevance : SearchSort.Taken,
            "relevance" => SearchSort.Relevance,
            "taken" => SearchSort.Taken,
            "uploaded" => SearchSort.Uploaded,
            _ => (SearchSort?)null,
        };
        if (sort is null)
        {
            fail("sort", "Use relevance, taken or uploaded.");
        }
        else if (sort == SearchSort.Relevance && !hasWords)
        {
            fail("sort", "Sorting by relevance needs words in q.");
        }

        return sort;
    }

    private static PhotoShape? Shape(string? text, Action<string, string> fail)
    {
        var shape = text?.ToLowerInvariant() switch
        {
            null or "" => (PhotoShape?)null,
            "landscape" => PhotoShape.Landscape,
            "portrait" => PhotoShape.Portrait,
            "square" => PhotoShape.Square,
            _ => null,
        };
        if (shape is null && !string.IsNullOrEmpty(text))
        {
            fail("orientation", "Use landscape, portrait or square.");
        }

        return shape;
    }
}
