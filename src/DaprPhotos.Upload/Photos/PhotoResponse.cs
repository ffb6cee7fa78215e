using System.Text.Json.Serialization;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Upload.Photos;

/// <summary>A photo as the API shows it: the record's facts plus links to its bytes.</summary>
public sealed record PhotoResponse(
    string Id,
    PhotoStatus Status,
    string FileName,
    string Format,
    string MediaType,
    long SizeBytes,
    string Sha256,
    int Width,
    int Height,
    string? Title,
    string? Description,
    IReadOnlyList<string> Tags,
    PhotoSteps Steps,
    int FailedAttempts,
    PhotoError? LastError,
    IReadOnlyList<RenditionLink> Renditions,
    PhotoMetadata? Metadata,
    PhotoLinks Links,
    string? RenditionSet = null)
{
    /// <summary>Set on an upload answered with an existing photo that has the same bytes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Duplicate { get; init; }

    public static PhotoResponse From(PhotoRecord record) => new(
        record.Id, record.Status, record.FileName, record.Format, record.MediaType, record.SizeBytes,
        record.Sha256, record.Width, record.Height, record.Title, record.Description, record.Tags,
        new PhotoSteps(
            record.UploadedAt, record.ThumbnailedAt, record.IndexedAt, record.FailedAt, record.DeletedAt),
        record.FailedAttempts,
        record.LastError is null ? null : new PhotoError(record.LastError, record.LastErrorAppId),
        [.. record.Renditions.Select(rendition => new RenditionLink(
            rendition.Name, rendition.Format, rendition.Width, rendition.Height, rendition.SizeBytes,
            PhotoLinks.RenditionOf(record.Id, rendition.Name)))],
        record.Metadata,
        new PhotoLinks(PhotoLinks.SelfOf(record.Id), PhotoLinks.OriginalOf(record.Id)),
        record.RenditionSet);
}

public sealed record PhotoSteps(
    DateTimeOffset UploadedAt, DateTimeOffset? ThumbnailedAt, DateTimeOffset? IndexedAt,
    DateTimeOffset? FailedAt, DateTimeOffset? DeletedAt);

/// <summary>The last failure and the app id of the service that reported it.</summary>
public sealed record PhotoError(string Message, string? ReportedBy);

public sealed record RenditionLink(
    string Name, string Format, int Width, int Height, long SizeBytes, string Href);

public sealed record PhotoLinks(string Self, string Original)
{
    public static string SelfOf(string id) => $"/photos/{id}";

    public static string OriginalOf(string id) => $"/photos/{id}/original";

    public static string RenditionOf(string id, string name) => $"/photos/{id}/renditions/{name}";
}
