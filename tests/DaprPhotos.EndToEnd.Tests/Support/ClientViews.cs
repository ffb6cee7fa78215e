using DaprPhotos.Contracts.Events;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>A photo as <c>GET /photos/{id}</c> shows it to a client, read with web JSON defaults.</summary>
internal sealed record PhotoView(
    string Id,
    string Status,
    string FileName,
    PhotoErrorView? LastError,
    IReadOnlyList<RenditionView> Renditions,
    PhotoMetadata? Metadata,
    string? RenditionSet = null)
{
    public const string Indexed = "Indexed";
    public const string Failed = "Failed";
    public const string Deleted = "Deleted";

    public override string ToString() => $"{Id} {Status} {LastError?.Message}";
}

internal sealed record PhotoErrorView(string Message, string? ReportedBy);

internal sealed record RenditionView(
    string Name, string Format, int Width, int Height, long SizeBytes, string Href);

/// <summary>One page of <c>GET /search</c>.</summary>
internal sealed record SearchPage(IReadOnlyList<SearchHitView> Hits, string? ContinuationToken);

internal sealed record SearchHitView(string PhotoId, string? Title, IReadOnlyList<string>? Renditions = null);
