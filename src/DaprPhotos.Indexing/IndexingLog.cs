namespace DaprPhotos.Indexing;

/// <summary>The indexing service's log lines, each with the photo id and event id to search by.</summary>
internal static partial class IndexingLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Indexed photo {PhotoId} under {TermCount} terms, event {EventId}; "
            + "published {IndexedEventId}")]
    public static partial void Indexed(
        ILogger logger, string photoId, Guid eventId, int termCount, Guid indexedEventId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Photo {PhotoId} is deleted; event {EventId} acknowledged without indexing")]
    public static partial void SkippedDeleted(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "A newer version of photo {PhotoId} is indexed; event {EventId} changes nothing")]
    public static partial void Superseded(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Photo {PhotoId} cannot be indexed: {Reason}; event {EventId} dropped")]
    public static partial void Unindexable(ILogger logger, string photoId, Guid eventId, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "Transient fault for photo {PhotoId}, event {EventId}; asking daprd to retry")]
    public static partial void Transient(ILogger logger, string photoId, Guid eventId, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information,
        Message = "Removed photo {PhotoId} from the index, event {EventId}")]
    public static partial void Removed(ILogger logger, string photoId, Guid eventId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug,
        Message = "Index write conflict on attempt {Attempt} ({ChangeCount} sets); reading again")]
    public static partial void SetConflict(ILogger logger, int attempt, int changeCount);
}
