namespace DaprPhotos.Contracts.Events;

/// <summary>
/// A past-tense fact one service publishes and others react to. Handlers must be idempotent:
/// the same <see cref="EventId"/> can arrive more than once, and events can arrive out of order.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per fact; a redelivery carries the same id.</summary>
    Guid EventId { get; }

    string PhotoId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The topic this event travels on.</summary>
    static abstract string Topic { get; }

    /// <summary>The CloudEvent <c>type</c>, versioned so a consumer can tell shapes apart.</summary>
    static abstract string CloudEventType { get; }
}
