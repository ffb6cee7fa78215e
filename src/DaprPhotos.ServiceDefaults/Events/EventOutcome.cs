namespace DaprPhotos.ServiceDefaults.Events;

/// <summary>What a subscriber tells daprd about one delivery.</summary>
public enum EventOutcome
{
    /// <summary>Done (or nothing to do): daprd acknowledges the message.</summary>
    Success,

    /// <summary>A transient fault: daprd retries by the inbound policy, then dead-letters.</summary>
    Retry,

    /// <summary>The message can never succeed: daprd drops it (to the dead-letter topic when set).</summary>
    Drop,
}
