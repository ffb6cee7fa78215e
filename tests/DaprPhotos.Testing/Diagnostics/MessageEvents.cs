namespace DaprPhotos.Testing.Diagnostics;

/// <summary>Something that happened to a pub/sub message inside the test sidecar.</summary>
public abstract record MessageEvent(string PubSubName, string Topic, string CloudEventId, DateTimeOffset At);

/// <summary>A message the broker accepted; <see cref="Body"/> is exactly what subscribers receive.</summary>
public sealed record MessagePublished(
    string PubSubName,
    string Topic,
    string CloudEventId,
    DateTimeOffset At,
    string PublisherAppId,
    byte[] Body)
    : MessageEvent(PubSubName, Topic, CloudEventId, At)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public override string ToString() => $"published {PubSubName}/{Topic} {CloudEventId} by {PublisherAppId}";
}

/// <summary>One delivery attempt to an app and what daprd made of its answer.</summary>
public sealed record MessageDelivered(
    string PubSubName,
    string Topic,
    string CloudEventId,
    DateTimeOffset At,
    string AppId,
    string Path,
    int Attempt,
    int? HttpStatus,
    DeliveryOutcome Outcome)
    : MessageEvent(PubSubName, Topic, CloudEventId, At)
{
    public override string ToString() =>
        $"delivered {Topic} {CloudEventId} to {AppId} /{Path.TrimStart('/')} "
        + $"attempt {Attempt}: {HttpStatus} {Outcome}";
}

/// <summary>The end of a message's road for one subscriber.</summary>
public sealed record MessageSettled(
    string PubSubName,
    string Topic,
    string CloudEventId,
    DateTimeOffset At,
    string AppId,
    SettleReason Reason)
    : MessageEvent(PubSubName, Topic, CloudEventId, At)
{
    public override string ToString() => $"settled {Topic} {CloudEventId} for {AppId}: {Reason}";
}

public enum DeliveryOutcome
{
    Success,
    Retry,
    Drop,
}

public enum SettleReason
{
    /// <summary>The app accepted it.</summary>
    Acknowledged,

    /// <summary>The app dropped it (DROP or 404), or no route matched; not retried.</summary>
    Dropped,

    /// <summary>Moved to the subscription's dead-letter topic.</summary>
    DeadLettered,

    /// <summary>Retries ran out with no dead-letter topic; the component decides what happens next.</summary>
    ReturnedToBroker,
}
