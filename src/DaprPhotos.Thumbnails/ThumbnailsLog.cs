namespace DaprPhotos.Thumbnails;

/// <summary>
/// The thumbnail service's log lines, each with the photo id and event id to search by (a reprocess
/// with its run's RequestId too; the rendition-set announcement with its set and event id).
/// </summary>
internal static partial class ThumbnailsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Rendered photo {PhotoId}: {RenditionCount} renditions in {ElapsedMs:0} ms, "
            + "event {EventId}")]
    public static partial void Rendered(
        ILogger logger, string photoId, Guid eventId, int renditionCount, double elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Photo {PhotoId} was rendered before; republished event {EventId}")]
    public static partial void Republished(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Photo {PhotoId} cannot be rendered ({Stage}): {Reason}; event {EventId} dropped")]
    public static partial void Unrenderable(
        ILogger logger, string photoId, Guid eventId, string stage, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Transient fault for photo {PhotoId}, event {EventId}; asking daprd to retry")]
    public static partial void Transient(ILogger logger, string photoId, Guid eventId, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "Photo {PhotoId} is deleted; event {EventId} acknowledged without rendering")]
    public static partial void SkippedDeleted(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information,
        Message = "Removed the renditions of photo {PhotoId}, event {EventId}")]
    public static partial void Deleted(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information,
        Message = "Codecs warm {WarmupMs:0} ms after process start "
            + "({RenderMs:0} ms to render the warm-up set)")]
    public static partial void Warm(ILogger logger, double warmupMs, double renderMs);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information,
        Message = "First rendition set finished {ElapsedMs:0} ms after process start")]
    public static partial void FirstRender(ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information,
        Message = "Reprocess of photo {PhotoId} requested by run {RequestId} ({Reason}), event {EventId}")]
    public static partial void ReprocessRequested(
        ILogger logger, string photoId, Guid eventId, string requestId, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning,
        Message = "Reprocess of photo {PhotoId} by run {RequestId} names no original or upload facts; "
            + "event {EventId} dropped")]
    public static partial void ReprocessIncomplete(
        ILogger logger, string photoId, Guid eventId, string requestId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information,
        Message = "Announced rendition set {RenditionSet} ({Renditions}), event {EventId}, "
            + "on attempt {Attempt}")]
    public static partial void Announced(
        ILogger logger, string renditionSet, string renditions, Guid eventId, int attempt);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning,
        Message = "Announcing rendition set {RenditionSet} failed on attempt {Attempt}; "
            + "trying again in {RetryDelaySeconds} s")]
    public static partial void AnnounceFailed(
        ILogger logger, string renditionSet, int attempt, double retryDelaySeconds, Exception exception);
}
