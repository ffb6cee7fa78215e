namespace DaprPhotos.Contracts.Events;

/// <summary>The photo's search document and index entries are written; it can be found.</summary>
public sealed record PhotoIndexed(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt,
    int TermCount) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoIndexed;

    public static string CloudEventType => "daprphotos.photo.indexed.v1";
}
