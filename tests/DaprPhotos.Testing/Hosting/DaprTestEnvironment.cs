using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Faults;
using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.Resources;
using DaprPhotos.Testing.State;

namespace DaprPhotos.Testing.Hosting;

/// <summary>
/// The world a set of test sidecars shares: the resources they load, the stores and brokers behind
/// the components (one per component, like one Redis server; in-memory components stay inside
/// their own sidecar, as in daprd), the clock, the faults and the record of everything that happened.
/// </summary>
public sealed partial class DaprTestEnvironment : IAsyncDisposable
{
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, StateStoreModel> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PubSubBroker> _brokers = new(StringComparer.Ordinal);
    private readonly List<TestSidecar> _sidecars = [];
    private readonly Random _random;

    public DaprTestEnvironment(DaprResourceSet resources, DaprTestEnvironmentOptions? options = null)
    {
        options ??= new DaprTestEnvironmentOptions();
        Resources = resources;
        Time = options.Time ?? new AcceleratedTimeProvider(100);
        Namespace = options.Namespace;
        Faults = new SidecarFaults(options.Seed);
        _random = new Random(options.Seed);
    }

    /// <summary>An environment on the repository's own <c>components/</c> folder.</summary>
    public static DaprTestEnvironment ForRepository(DaprTestEnvironmentOptions? options = null) =>
        new(DaprResourceSet.FromRepository(), options);

    public DaprResourceSet Resources { get; }

    public TimeProvider Time { get; }

    public string? Namespace { get; }

    public SidecarFaults Faults { get; }

    /// <summary>Every API call any app made to its sidecar.</summary>
    public ObservableLog<SidecarCall> Calls { get; } = new();

    /// <summary>Every publish, delivery attempt and settlement.</summary>
    public ObservableLog<MessageEvent> Messages { get; } = new();

    public IReadOnlyList<TestSidecar> Sidecars
    {
        get
        {
            lock (_sync)
            {
                return [.. _sidecars];
            }
        }
    }

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts a sidecar for <paramref name="appId"/>; call it again for another replica.</summary>
    public async Task<TestSidecar> StartSidecarAsync(string appId, TestSidecarOptions? options = null)
    {
        var sidecar = await TestSidecar.StartAsync(this, appId, options ?? new TestSidecarOptions());
        lock (_sync)
        {
            _sidecars.Add(sidecar);
        }

        return sidecar;
    }

    /// <summary>Waits until every message accepted so far has settled for every subscriber.</summary>
    public async Task WhenIdleAsync()
    {
        for (var pass = 0; pass < 100; pass++)
        {
            PubSubBroker[] brokers;
            lock (_sync)
            {
                brokers = [.. _brokers.Values];
            }

            var before = Messages.Snapshot().Count;
            await Task.WhenAll(brokers.Select(broker => broker.WhenIdleAsync()));
            if (Messages.Snapshot().Count == before)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var sidecar in Sidecars)
        {
            await sidecar.DisposeAsync();
        }

        // Deliveries end promptly once stopping is signalled; wait so none touches a disposed broker.
        await Task.WhenAll(_brokers.Values.Select(broker => broker.WhenIdleAsync()))
            .WaitAsync(TimeSpan.FromSeconds(5))
            .ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var broker in _brokers.Values)
        {
            broker.Dispose();
        }

        _stopping.Dispose();
    }

    internal double NextRandom()
    {
        lock (_sync)
        {
            return _random.NextDouble();
        }
    }
}
