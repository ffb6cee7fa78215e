using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaprPhotos.Upload.DeadLetters;

/// <summary>
/// An event one subscriber gave up on, kept whole so it can be published again (redriven) once
/// the cause is fixed. Its id names the topic, the subscriber and the event, so the same dead
/// letter arriving twice is one record.
/// </summary>
public sealed record DeadLetterRecord
{
    public required string Id { get; init; }

    /// <summary>The topic the event was published on, and will be redriven to.</summary>
    public required string Topic { get; init; }

    public required string SubscriberAppId { get; init; }

    public required string CloudEventType { get; init; }

    public required string PhotoId { get; init; }

    public required Guid EventId { get; init; }

    /// <summary>The event as it was published.</summary>
    public required JsonElement Event { get; init; }

    public required DateTimeOffset FirstDeadLetteredAt { get; init; }

    public required DateTimeOffset LastDeadLetteredAt { get; init; }

    /// <summary>How often it was dead-lettered: once, plus once per redrive that failed again.</summary>
    public int Times { get; init; } = 1;

    public int Redrives { get; init; }

    public DateTimeOffset? RedrivenAt { get; init; }

    public DeadLetterState State { get; init; } = DeadLetterState.Pending;

    public static string IdOf(string topic, string subscriberAppId, Guid eventId) =>
        $"{topic}.{subscriberAppId}.{eventId:N}";

    public static string StoreKey(string id) => $"dead-letter/{id}";
}

[JsonConverter(typeof(JsonStringEnumConverter<DeadLetterState>))]
public enum DeadLetterState
{
    /// <summary>Waiting for a redrive.</summary>
    Pending,

    /// <summary>Published again; a new dead letter of the same event makes it pending again.</summary>
    Redriven,
}
