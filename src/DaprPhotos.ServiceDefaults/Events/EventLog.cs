using Microsoft.Extensions.Logging;

namespace DaprPhotos.ServiceDefaults.Events;

/// <summary>One log line per hop of a message, with the photo id and event id to search by.</summary>
internal static partial class EventLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Received {Topic} for photo {PhotoId}, event {EventId}")]
    public static partial void Received(ILogger logger, string topic, string photoId, Guid eventId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Handled {Topic} for photo {PhotoId}, event {EventId}: {Outcome}")]
    public static partial void Handled(
        ILogger logger, string topic, string photoId, Guid eventId, EventOutcome outcome);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Dropped an unreadable {Topic} message, CloudEvent {CloudEventId}")]
    public static partial void Unreadable(
        ILogger logger, string topic, string? cloudEventId, Exception? exception);
}
