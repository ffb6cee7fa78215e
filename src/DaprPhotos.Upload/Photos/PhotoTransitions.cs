using System.Security.Cryptography;
using System.Text;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Upload.Photos;

/// <summary>
/// How each event moves a photo record. Every rule is safe under at-least-once delivery: an event
/// already applied, an event for a deleted photo, or one that would move the status back changes
/// nothing (null); facts an out-of-order event carries are still kept, the newest renditions win.
/// </summary>
public static class PhotoTransitions
{
    public static PhotoRecord? Apply(PhotoRecord record, PhotoThumbnailed thumbnailed)
    {
        if (record.IsDeleted)
        {
            return null;
        }

        // The renditions are facts, not a step: a redelivery that names the rendition set where an
        // older record did not know it still teaches it, and an older set never replaces a newer one.
        var renditions = IsNewer(record, thumbnailed)
            ? Settle(record with
            {
                Renditions = thumbnailed.Renditions,
                RenditionSet = thumbnailed.RenditionSet ?? record.RenditionSet,
                RenditionsAt = thumbnailed.OccurredAt,
                Metadata = thumbnailed.Metadata,
            })
            : record;
        return Change(renditions, thumbnailed.EventId, current =>
                Advance(current, PhotoStatus.Thumbnailed) with
                {
                    ThumbnailedAt = current.ThumbnailedAt ?? thumbnailed.OccurredAt,
                })
            ?? (ReferenceEquals(renditions, record) ? null : renditions);
    }

    public static PhotoRecord? Apply(PhotoRecord record, PhotoIndexed indexed) =>
        Change(record, indexed.EventId, current => Settle(Advance(current, PhotoStatus.Indexed) with
        {
            IndexedAt = current.IndexedAt ?? indexed.OccurredAt,
            Reprocess = current.Reprocess is { IsPending: true } mark
                ? mark with { IndexedSince = true }
                : current.Reprocess,
        }));

    public static PhotoRecord? Apply(PhotoRecord record, PhotoFailed failed) =>
        Failure(record, failed.EventId, failed.OccurredAt, failed.FailedAppId, failed.Reason);

    /// <summary>A subscriber gave up on an event about this photo and daprd dead-lettered it.</summary>
    /// <remarks>
    /// A step that gave up with <c>photo-failed</c> has already said why: its dead letter (the DROP
    /// that follows) must not replace that reason with a generic one. The dead letter is remembered
    /// under its own id, not the event's: a redrive of the same event must still be applied.
    /// </remarks>
    public static PhotoRecord? ApplyDeadLetter(
        PhotoRecord record,
        Guid eventId,
        int redrives,
        DateTimeOffset at,
        string subscriberAppId,
        string topic) =>
        record is { Status: PhotoStatus.Failed } && record.LastErrorAppId == subscriberAppId
            ? null
            : Failure(
                record,
                DeadLetterId(eventId, subscriberAppId, redrives),
                at,
                subscriberAppId,
                $"{subscriberAppId} could not process {topic} after its retries; "
                    + "the event was dead-lettered.");

    /// <summary>A reprocessing run asks for the photo again; a deleted photo is left alone.</summary>
    public static PhotoRecord? RequestReprocess(
        PhotoRecord record,
        string requestId,
        string? targetRenditionSet) =>
        record.IsDeleted || record.Reprocess?.RequestId == requestId
            ? null
            : record with { Reprocess = new ReprocessMark(requestId, targetRenditionSet) };

    public static PhotoRecord? Delete(PhotoRecord record, DateTimeOffset at) =>
        record.IsDeleted ? null : record with { Status = PhotoStatus.Deleted, DeletedAt = at };

    private static PhotoRecord? Failure(
        PhotoRecord record, Guid eventId, DateTimeOffset at, string appId, string reason) =>
        Change(record, eventId, current => Advance(current, PhotoStatus.Failed) with
        {
            FailedAt = at,
            FailedAttempts = current.FailedAttempts + 1,
            LastError = reason,
            LastErrorAppId = appId,
            Reprocess = current.Reprocess is { IsPending: true } mark
                ? mark with { Outcome = ReprocessOutcome.Failed, Error = reason }
                : current.Reprocess,
        });

    private static PhotoRecord? Change(
        PhotoRecord record, Guid eventId, Func<PhotoRecord, PhotoRecord> change)
    {
        if (record.IsDeleted || record.AppliedEventIds.Contains(eventId))
        {
            return null;
        }

        return change(record) with
        {
            AppliedEventIds = [.. record.AppliedEventIds.TakeLast(MaxRememberedEvents - 1), eventId],
        };
    }

    // Enough for every event one photo sees in practice; the status order covers anything older.
    private const int MaxRememberedEvents = 32;

    private static PhotoRecord Advance(PhotoRecord record, PhotoStatus next) =>
        next > record.Status ? record with { Status = next } : record;

    private static PhotoRecord Settle(PhotoRecord record) =>
        record.Reprocess?.Settled(record) is { } settled ? record with { Reprocess = settled } : record;

    private static bool IsNewer(PhotoRecord record, PhotoThumbnailed thumbnailed) =>
        record.RenditionsAt is not { } known
        || thumbnailed.OccurredAt > known
        || (thumbnailed.OccurredAt == known
            && record.RenditionSet is null
            && thumbnailed.RenditionSet is not null);

    // Stable across processes and redeliveries: the same dead letter is one failure, counted once.
    private static Guid DeadLetterId(Guid eventId, string subscriberAppId, int redrives)
    {
        var hash = SHA256.HashData(
            Encoding.UTF8.GetBytes($"dead-letter/{subscriberAppId}/{eventId}/{redrives}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
