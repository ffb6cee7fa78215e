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

    /// <summary>The storage behind a shared state component, to look behind the API in a test.</summary>
    public StateStoreModel StateStore(string componentName)
    {
        var component = Resources.FindComponent(componentName)
            ?? throw new ArgumentException($"no component named {componentName}", nameof(componentName));
        if (component.Type == "state.in-memory")
        {
            // Each sidecar keeps its own in-memory store: there is no one store to look behind.
            throw new ArgumentException($"{componentName} is in-memory and lives inside each sidecar", nameof(componentName));
        }

        return StoreFor(component, owner: null);
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

    internal StateStoreModel StoreFor(ComponentSpec component, TestSidecar? owner)
    {
        var key = component.Type == "state.in-memory" && owner is not null ? $"{component.Name}@{owner.Id}" : component.Name;
        lock (_sync)
        {
            if (!_stores.TryGetValue(key, out var store))
            {
                store = component.Type switch
                {
                    "state.redis" => new RedisStateStore(Time),
                    "state.in-memory" => new InMemoryStateStore(Time),
                    _ => throw new NotSupportedException(
                        $"{component.SourceFile}: the test sidecar models state.redis and state.in-memory, not {component.Type}"),
                };
                _stores.Add(key, store);
            }

            return store;
        }
    }

    internal PubSubBroker BrokerFor(ComponentSpec component, TestSidecar owner)
    {
        var key = component.Type == "pubsub.in-memory" ? $"{component.Name}@{owner.Id}" : component.Name;
        lock (_sync)
        {
            if (!_brokers.TryGetValue(key, out var broker))
            {
                broker = new PubSubBroker(component, this);
                _brokers.Add(key, broker);
            }

            return broker;
        }
    }

    internal double NextRandom()
    {
        lock (_sync)
        {
            return _random.NextDouble();
        }
    }
}
