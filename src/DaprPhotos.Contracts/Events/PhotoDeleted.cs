namespace DaprPhotos.Contracts.Events;

/// <summary>The photo is tombstoned; every service removes what it owns for it.</summary>
public sealed record PhotoDeleted(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoDeleted;

    public static string CloudEventType => "daprphotos.photo.deleted.v1";
}
