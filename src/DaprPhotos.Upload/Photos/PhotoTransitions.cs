using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Upload.Photos;

/// <summary>
/// How each event moves a photo record. Every rule is safe under at-least-once delivery: an event
/// already applied, an event for a deleted photo, or one that would move the status back changes
/// nothing (null); facts an out-of-order event carries are still kept.
/// </summary>
public static class PhotoTransitions
{
    public static PhotoRecord? Apply(PhotoRecord record, PhotoThumbnailed thumbnailed) =>
        Change(record, thumbnailed.EventId, current => Advance(current, PhotoStatus.Thumbnailed) with
        {
            ThumbnailedAt = current.ThumbnailedAt ?? thumbnailed.OccurredAt,
            Renditions = thumbnailed.Renditions,
            Metadata = thumbnailed.Metadata,
        });

    public static PhotoRecord? Apply(PhotoRecord record, PhotoIndexed indexed) =>
        Change(record, indexed.EventId, current => Advance(current, PhotoStatus.Indexed) with
        {
            IndexedAt = current.IndexedAt ?? indexed.OccurredAt,
        });

    public static PhotoRecord? Apply(PhotoRecord record, PhotoFailed failed) =>
        Failure(record, failed.EventId, failed.OccurredAt, failed.FailedAppId, failed.Reason);

    /// <summary>A subscriber gave up on an event about this photo and daprd dead-lettered it.</summary>
    /// A step that gave up with <c>photo-failed</c> has already said why: its dead letter (the DROP
    /// that follows) must not replace that reason with a generic one.
    public static PhotoRecord? ApplyDeadLetter(
        PhotoRecord record, Guid eventId, DateTimeOffset at, string subscriberAppId, string topic) =>
        record is { Status: PhotoStatus.Failed } && record.LastErrorAppId == subscriberAppId
            ? null
            : Failure(record, eventId, at, subscriberAppId,
                $"{subscriberAppId} could not process {topic} after its retries; the event was dead-lettered.");

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
}
