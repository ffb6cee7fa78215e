namespace DaprPhotos.Testing.Faults;

/// <summary>How the broker misbehaves towards one subscriber: copies, hold-backs and delays.</summary>
/// <param name="Matches">Which (app id, topic) deliveries the fault applies to.</param>
/// <param name="Copies">How many times each message is handed to the subscriber (2 = one duplicate).</param>
/// <param name="ReorderBatch">
/// Messages are held until this many arrive (or the window ends), then sent newest first.
/// </param>
/// <param name="Delay">Added before the first attempt of each message.</param>
public sealed record DeliveryFault(
    Func<string, string, bool> Matches,
    int Copies = 1,
    int ReorderBatch = 0,
    TimeSpan ReorderWindow = default,
    TimeSpan Delay = default);
