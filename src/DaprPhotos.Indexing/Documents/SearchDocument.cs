using DaprPhotos.Indexing.Storage;
using DaprPhotos.Indexing.Terms;

namespace DaprPhotos.Indexing.Documents;

/// <summary>What the index knows of one photo, and what a search hit is made of.</summary>
public sealed record SearchDocument(
    string PhotoId,
    string? Title,
    string? Description,
    IReadOnlyList<string> Tags,
    string? FileName,
    string Format,
    int Width,
    int Height,
    string? Orientation,
    PhotoShape Shape,
    DateTimeOffset? TakenAt,
    DateTimeOffset UploadedAt,
    string? CameraMake,
    string? CameraModel,
    string? Lens,
    double? Latitude,
    double? Longitude,
    string? Placeholder,
    IReadOnlyList<string> Renditions);

/// <summary>
/// The record under <c>photo/{id}</c>: the document, the terms it is posted under (in the posting
/// lists of <see cref="Segment"/>), the posting keys of an earlier version still to be taken out,
/// and whether the photo was deleted (the record then stays as a tombstone, so a late event cannot
/// bring the photo back).
/// </summary>
/// <param name="Version">When thumbnails produced the indexed version; an older one never wins.</param>
public sealed record IndexedPhoto(
    string PhotoId,
    DateTimeOffset Version,
    SearchDocument? Document,
    IReadOnlyList<string> Terms,
    string Segment,
    IReadOnlyList<string> StalePostings,
    DateTimeOffset? DeletedAt = null)
{
    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Every posting key that may still hold an entry of the photo.</summary>
    public IEnumerable<string> PostingKeys(int shardCount)
    {
        var shard = IndexKeys.ShardOf(PhotoId, shardCount);
        return Terms.Select(term => IndexKeys.Posting(term, Segment, shard)).Concat(StalePostings).Distinct();
    }
}
