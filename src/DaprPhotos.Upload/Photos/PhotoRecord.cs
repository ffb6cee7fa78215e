using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Upload.Photos;

/// <summary>A photo as upload stores it in the <c>photos</c> store (key <see cref="StoreKey"/>).</summary>
public sealed record PhotoRecord
{
    public required string Id { get; init; }

    public required PhotoStatus Status { get; init; }

    public required string FileName { get; init; }

    public required string Format { get; init; }

    public required string MediaType { get; init; }

    public required long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required string OriginalKey { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    public DateTimeOffset? ThumbnailedAt { get; init; }

    public DateTimeOffset? IndexedAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Events that reported a failure for this photo (each counts once).</summary>
    public int FailedAttempts { get; init; }

    public string? LastError { get; init; }

    /// <summary>The app id of the service that reported <see cref="LastError"/>.</summary>
    public string? LastErrorAppId { get; init; }

    public IReadOnlyList<Rendition> Renditions { get; init; } = [];

    /// <summary>
    /// The fingerprint of the rendition set <see cref="Renditions"/> belong to, when known.
    /// </summary>
    public string? RenditionSet { get; init; }

    /// <summary>When the <c>photo-thumbnailed</c> that gave <see cref="Renditions"/> happened.</summary>
    public DateTimeOffset? RenditionsAt { get; init; }

    /// <summary>The reprocessing run that last asked for this photo, and how it went.</summary>
    public ReprocessMark? Reprocess { get; init; }

    public PhotoMetadata? Metadata { get; init; }

    /// <summary>The ids of the events already applied, so a redelivery is recognised.</summary>
    public IReadOnlyList<Guid> AppliedEventIds { get; init; } = [];

    public static string StoreKey(string photoId) => $"photo/{photoId}";

    public bool IsDeleted => Status == PhotoStatus.Deleted;
}
