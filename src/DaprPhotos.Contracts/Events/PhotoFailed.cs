namespace DaprPhotos.Contracts.Events;

/// <summary>
/// A step gave up on the photo for good; <paramref name="Reason"/> says why, for a person to read.
/// </summary>
/// <param name="Stage">Where in that step it failed (read, inspect, decode, store), when known.</param>
public sealed record PhotoFailed(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt,
    string FailedAppId,
    string Reason,
    string? Stage = null) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoFailed;

    public static string CloudEventType => "daprphotos.photo.failed.v1";
}
