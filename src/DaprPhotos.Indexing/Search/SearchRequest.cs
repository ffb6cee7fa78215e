using Microsoft.AspNetCore.Mvc;

namespace DaprPhotos.Indexing.Search;

/// <summary>
/// <c>GET /search</c>'s parameters as sent. All are read as text, so a malformed value is answered
/// by the parser with a problem naming the parameter rather than by the framework's binder.
/// </summary>
public sealed record SearchRequest(
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "tag")] string[]? Tag,
    [property: FromQuery(Name = "camera")] string? Camera,
    [property: FromQuery(Name = "takenFrom")] string? TakenFrom,
    [property: FromQuery(Name = "takenTo")] string? TakenTo,
    [property: FromQuery(Name = "orientation")] string? Orientation,
    [property: FromQuery(Name = "near")] string? Near,
    [property: FromQuery(Name = "radiusKm")] string? RadiusKm,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "pageSize")] string? PageSize,
    [property: FromQuery(Name = "continuationToken")] string? ContinuationToken);
