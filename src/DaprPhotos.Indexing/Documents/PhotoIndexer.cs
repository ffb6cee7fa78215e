using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Storage;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Documents;

/// <summary>
/// Writes and removes a photo's search document and postings. The document goes first (against its
/// ETag) and names every posting list the photo is posted in, so whoever comes next (a redelivery, a
/// newer version, a delete) knows what to take out. A delete replaces the document with a
/// tombstone; an indexer that finds one after writing its postings takes them back.
/// </summary>
public sealed class PhotoIndexer(
    PhotoDocuments documents,
    IndexSets sets,
    DocumentBuilder builder,
    Vocabulary vocabulary,
    SegmentListings listings,
    IOptions<IndexingOptions> options)
{
    public async Task<IndexOutcome> IndexAsync(
        PhotoThumbnailed thumbnailed, CancellationToken cancellationToken)
    {
        var built = builder.Build(thumbnailed);
        var photoId = built.Document.PhotoId;
        var terms = built.Entries.Keys.Order(StringComparer.Ordinal).ToList();
        var keys = built.Entries.ToDictionary(
            entry => IndexKeys.Posting(entry.Key, built.Segment, Shard(photoId)), entry => entry.Value);
        for (var attempt = 1; attempt <= options.Value.MaxWriteAttempts; attempt++)
        {
            var (current, etag) = await documents.GetAsync(photoId, cancellationToken);
            if (current is { IsDeleted: true })
            {
                return IndexOutcome.Deleted;
            }

            if (current is not null && current.Version > thumbnailed.OccurredAt)
            {
                return IndexOutcome.Superseded;
            }

            var stale = current?.PostingKeys(ShardCount).Except(keys.Keys).ToList() ?? [];
            var next = new IndexedPhoto(
                photoId, thumbnailed.OccurredAt, built.Document, terms, built.Segment, stale);
            var unchanged = current is not null && current.Version == next.Version && stale.Count == 0
                && current.Segment == next.Segment && current.Terms.SequenceEqual(terms);
            if (!unchanged && !await documents.TryWriteAsync(next, etag, cancellationToken))
            {
                continue;
            }

            // Even when the record was already written, a previous attempt may have died before its
            // postings: adding them again is a no-op if it did not.
            await sets.ApplyAsync(
                [
                    .. keys.Select(posting => new AddPosting(posting.Key, posting.Value)),
                    .. Removals(photoId, stale),
                    .. vocabulary.Additions(built.CompletableWords),
                    .. listings.Additions(terms, built.Segment),
                ],
                cancellationToken);
            vocabulary.Remember(built.CompletableWords);
            listings.Remember(terms, built.Segment);

            var (after, afterETag) = await documents.GetAsync(photoId, cancellationToken);
            if (after is { IsDeleted: true })
            {
                await sets.ApplyAsync([.. Removals(photoId, keys.Keys)], cancellationToken);
                return IndexOutcome.Deleted;
            }

            // Best effort: a stale posting left listed is removed again by the next write or delete.
            if (stale.Count > 0 && after is not null && after.Version == next.Version)
            {
                await documents.TryWriteAsync(
                    after with { StalePostings = [] }, afterETag, cancellationToken);
            }

            return IndexOutcome.Indexed(terms.Count, alreadyIndexed: unchanged);
        }

        throw new IndexConflictException($"The record of photo {photoId} kept changing while indexing it.");
    }

    /// <summary>Tombstones the photo, then takes it out of every posting list it may be in.</summary>
    public async Task RemoveAsync(
        string photoId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.Value.MaxWriteAttempts; attempt++)
        {
            var (current, etag) = await documents.GetAsync(photoId, cancellationToken);
            var posted = current?.PostingKeys(ShardCount).ToList() ?? [];
            if (current is not { IsDeleted: true })
            {
                var tombstone = new IndexedPhoto(photoId, current?.Version ?? deletedAt, null,
                    current?.Terms ?? [], current?.Segment ?? PostingSegment.Undated,
                    current?.StalePostings ?? [], deletedAt);
                if (!await documents.TryWriteAsync(tombstone, etag, cancellationToken))
                {
                    continue;
                }
            }

            await sets.ApplyAsync([.. Removals(photoId, posted)], cancellationToken);
            return;
        }

        throw new IndexConflictException($"The record of photo {photoId} kept changing while deleting it.");
    }

    private static IEnumerable<SetChange> Removals(string photoId, IEnumerable<string> postingKeys) =>
        postingKeys.Select(key => new RemovePosting(key, photoId));

    private int ShardCount => options.Value.ShardCount;

    private int Shard(string photoId) => IndexKeys.ShardOf(photoId, ShardCount);
}

/// <summary>What indexing a photo came to.</summary>
/// <param name="AlreadyIndexed">
/// This version's record was written before (a redelivery): the photo is not newly indexed.
/// </param>
public sealed record IndexOutcome(IndexOutcomeKind Kind, int TermCount = 0, bool AlreadyIndexed = false)
{
    public static IndexOutcome Deleted { get; } = new(IndexOutcomeKind.Deleted);

    public static IndexOutcome Superseded { get; } = new(IndexOutcomeKind.Superseded);

    public static IndexOutcome Indexed(int termCount, bool alreadyIndexed = false) =>
        new(IndexOutcomeKind.Indexed, termCount, alreadyIndexed);
}

public enum IndexOutcomeKind
{
    Indexed,

    /// <summary>The photo was deleted; nothing was (or stays) indexed.</summary>
    Deleted,

    /// <summary>A newer version of the photo is already indexed; this one changes nothing.</summary>
    Superseded,
}
