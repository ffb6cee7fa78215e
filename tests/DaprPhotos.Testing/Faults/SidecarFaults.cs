namespace DaprPhotos.Testing.Faults;

/// <summary>
/// Faults on demand for reliability tests. Rules apply to every sidecar of the environment and are
/// drawn from one seeded random source, so a failing run can be repeated.
/// </summary>
public sealed class SidecarFaults(int seed)
{
    private readonly Lock _sync = new();
    private readonly List<FaultRule> _callRules = [];
    private readonly List<DeliveryFault> _deliveryFaults = [];
    private readonly Random _random = new(seed);

    /// <summary>Fails state calls (GetState, SaveState, …) that match; null matches anything.</summary>
    public FaultRule FailState(
        string? appId = null, string? store = null, string? method = null, Func<string, bool>? key = null,
        int times = int.MaxValue, double probability = 1, FaultKind kind = FaultKind.ComponentError) =>
        AddRule(new FaultRule(
            target => target.Method != "PublishEvent" && target.Method != "BulkPublishEvent"
                && (appId is null || target.AppId == appId)
                && (store is null || target.Component == store)
                && (method is null || target.Method == method)
                && (key is null || key(target.Target)),
            times, probability, Failure(kind)));

    /// <summary>Fails publishes that match; null matches anything.</summary>
    public FaultRule FailPublish(
        string? appId = null, string? topic = null, int times = int.MaxValue, double probability = 1,
        FaultKind kind = FaultKind.ComponentError) =>
        AddRule(new FaultRule(
            target => target.Method is "PublishEvent" or "BulkPublishEvent"
                && (appId is null || target.AppId == appId)
                && (topic is null || target.Target == topic),
            times, probability, Failure(kind)));

    /// <summary>
    /// Another writer saves the key just before a matching ETag-checked write reaches the store, which
    /// then judges the write by its own rules: a genuine conflict wherever it checks the ETag. A save
    /// or delete fails with Aborted (<c>TrySaveStateAsync</c> returns false), a transaction with
    /// Internal (on redis its other operations still apply). Only writes with a non-empty ETag to a
    /// key that exists are touched; <paramref name="times"/> and <paramref name="probability"/> count
    /// per touched key. <see cref="FaultRule.Injected"/> counts the touches; they are not the app's
    /// calls, so the environment's call log does not show them.
    /// </summary>
    /// <param name="store">The state store's name, as the app names it.</param>
    /// <param name="key">Matches the key as the app names it, without the store's key prefix.</param>
    public FaultRule RaceWrites(string? appId = null, string? store = null, Func<string, bool>? key = null,
        int times = int.MaxValue, double probability = 1) =>
        AddRule(new FaultRule(
            target => (appId is null || target.AppId == appId)
                && (store is null || target.Component == store)
                && (key is null || key(target.Target)),
            times, probability, FaultKind.RacingWriter));

    public void DuplicateDeliveries(string? topic = null, string? appId = null, int copies = 2) =>
        AddDelivery(new DeliveryFault(Matcher(appId, topic), Copies: copies));

    public void ReorderDeliveries(int batch, TimeSpan window, string? topic = null, string? appId = null) =>
        AddDelivery(new DeliveryFault(Matcher(appId, topic), ReorderBatch: batch, ReorderWindow: window));

    public void DelayDeliveries(TimeSpan delay, string? topic = null, string? appId = null) =>
        AddDelivery(new DeliveryFault(Matcher(appId, topic), Delay: delay));

    public void Clear()
    {
        lock (_sync)
        {
            _callRules.Clear();
            _deliveryFaults.Clear();
        }
    }

    internal FaultRule? Fire(FaultTarget target, FaultKind kind)
    {
        lock (_sync)
        {
            return _callRules.FirstOrDefault(rule => rule.Kind == kind && rule.TryFire(target, _random));
        }
    }

    internal DeliveryFault? DeliveryFaultFor(string appId, string topic)
    {
        lock (_sync)
        {
            return _deliveryFaults.LastOrDefault(fault => fault.Matches(appId, topic));
        }
    }

    internal double NextDouble()
    {
        lock (_sync)
        {
            return _random.NextDouble();
        }
    }

    private FaultRule AddRule(FaultRule rule)
    {
        lock (_sync)
        {
            _callRules.Add(rule);
        }

        return rule;
    }

    private void AddDelivery(DeliveryFault fault)
    {
        lock (_sync)
        {
            _deliveryFaults.Add(fault);
        }
    }

    // A racing writer's rule must not see calls other than the ETag-checked writes it may race.
    private static FaultKind Failure(FaultKind kind) => kind == FaultKind.RacingWriter
        ? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use RaceWrites for a racing writer.")
        : kind;

    private static Func<string, string, bool> Matcher(string? appId, string? topic) =>
        (app, messageTopic) => (appId is null || app == appId) && (topic is null || messageTopic == topic);
}
