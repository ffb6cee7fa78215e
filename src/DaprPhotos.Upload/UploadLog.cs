using DaprPhotos.Upload.Photos;

namespace DaprPhotos.Upload;

/// <summary>The upload service's log lines, each with the photo id to search by.</summary>
internal static partial class UploadLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Accepted photo {PhotoId}: {Format} {Width}x{Height}, "
            + "{SizeBytes} bytes in {ChunkCount} chunks, event {EventId}")]
    public static partial void Accepted(
        ILogger logger,
        string photoId,
        string format,
        int width,
        int height,
        long sizeBytes,
        int chunkCount,
        Guid eventId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Refused an upload for photo {PhotoId}: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string photoId, int status, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Upload of photo {PhotoId} repeats photo {ExistingPhotoId} (same SHA-256); "
            + "answered with the existing one")]
    public static partial void Duplicate(ILogger logger, string photoId, string existingPhotoId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
        Message = "Photo {PhotoId}, event {EventId}: status {Status} (changed: {Changed})")]
    public static partial void StatusApplied(
        ILogger logger, string photoId, Guid eventId, PhotoStatus status, bool changed);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning,
        Message = "Event {EventId} is about photo {PhotoId}, which upload does not know; "
            + "acknowledged and ignored")]
    public static partial void UnknownPhoto(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error,
        Message = "Photo {PhotoId}: {Subscriber} dead-lettered {Topic} event {EventId}")]
    public static partial void DeadLettered(
        ILogger logger, string photoId, Guid eventId, string topic, string subscriber);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning,
        Message = "Could not remove the chunks of abandoned upload {PhotoId}; the janitor will retry")]
    public static partial void CleanupFailed(ILogger logger, string photoId, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information,
        Message = "Deleted photo {PhotoId}, event {EventId}")]
    public static partial void Deleted(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information,
        Message = "Thumbnails announced rendition set {RenditionSet}, event {EventId} (kept: {Kept})")]
    public static partial void RenditionSetAnnounced(
        ILogger logger,
        string renditionSet,
        Guid eventId,
        bool kept);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning,
        Message = "Dropped an unreadable rendition-set-announced message")]
    public static partial void UnreadableAnnouncement(ILogger logger);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information,
        Message = "Asked to reprocess photo {PhotoId}, event {EventId}, job {JobId}: {Reason}")]
    public static partial void ReprocessRequested(
        ILogger logger, string photoId, Guid eventId, string jobId, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information,
        Message = "Redrove dead letter {DeadLetterId} of photo {PhotoId}, event {EventId}, "
            + "to {Topic} (job {JobId})")]
    public static partial void Redriven(
        ILogger logger, string deadLetterId, string photoId, Guid eventId, string topic, string jobId);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning,
        Message = "Could not redrive dead letter {DeadLetterId} of photo {PhotoId} (job {JobId})")]
    public static partial void RedriveFailed(
        ILogger logger, string deadLetterId, string photoId, string jobId, Exception exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information,
        Message = "Started {Kind} job {JobId}")]
    public static partial void JobStarted(ILogger logger, string kind, string jobId);
}
