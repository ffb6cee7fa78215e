using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Storage;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Documents;

/// <summary>
/// Writes and removes a photo's search document and postings. The document goes first (against its
/// ETag) and names every term the photo is posted under, so whoever comes next (a redelivery, a
/// newer version, a delete) knows what to take out. A delete replaces the document with a
/// tombstone; an indexer that finds one after writing its postings takes them back.
/// </summary>
public sealed class PhotoIndexer(
    PhotoDocuments documents,
    IndexSets sets,
    DocumentBuilder builder,
    Vocabulary vocabulary,
    IOptions<IndexingOptions> options)
{
    public async Task<IndexOutcome> IndexAsync(
        PhotoThumbnailed thumbnailed, CancellationToken cancellationToken)
    {
        var built = builder.Build(thumbnailed);
        var photoId = built.Document.PhotoId;
        var terms = built.Entries.Keys.Order(StringComparer.Ordinal).ToList();
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

            var stale = current?.PostedTerms.Except(terms).ToList() ?? [];
            var next = new IndexedPhoto(photoId, thumbnailed.OccurredAt, built.Document, terms, stale);
            var unchanged = current is not null && current.Version == next.Version && stale.Count == 0
                && current.Terms.SequenceEqual(terms);
            if (!unchanged && !await documents.TryWriteAsync(next, etag, cancellationToken))
            {
                continue;
            }

            // Even when the record was already written, a previous attempt may have died before its
            // postings: adding them again is a no-op if it did not.
            var words = vocabulary.Additions(built.CompletableWords).ToList();
            await sets.ApplyAsync(
                [.. Postings(built.Entries), .. Removals(photoId, stale), .. words],
                cancellationToken);
            vocabulary.Remember(built.CompletableWords);

            var (after, afterETag) = await documents.GetAsync(photoId, cancellationToken);
            if (after is { IsDeleted: true })
            {
                await sets.ApplyAsync([.. Removals(photoId, terms)], cancellationToken);
                return IndexOutcome.Deleted;
            }

            // Best effort: a stale term left listed is removed again by the next write or delete.
            if (stale.Count > 0 && after is not null && after.Version == next.Version)
            {
                await documents.TryWriteAsync(after with { StaleTerms = [] }, afterETag, cancellationToken);
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
            var posted = current?.PostedTerms.ToList() ?? [];
            if (current is not { IsDeleted: true })
            {
                var tombstone = new IndexedPhoto(
                    photoId, current?.Version ?? deletedAt, null, posted, [], deletedAt);
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

    private IEnumerable<SetChange> Postings(IReadOnlyDictionary<string, PostingEntry> entries) =>
        entries.Select(entry => new AddPosting(
            IndexKeys.Posting(entry.Key, Shard(entry.Value.PhotoId)), entry.Value));

    private IEnumerable<SetChange> Removals(string photoId, IEnumerable<string> terms) =>
        terms.Select(term => new RemovePosting(IndexKeys.Posting(term, Shard(photoId)), photoId));

    private int Shard(string photoId) => IndexKeys.ShardOf(photoId, options.Value.ShardCount);
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
