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
}
