using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.Resources;
using DaprPhotos.Testing.State;

namespace DaprPhotos.Testing.Hosting;

// The stores and brokers behind the components: one per shared component, like one Redis server,
// and one per sidecar for an in-memory component, as in daprd.
public sealed partial class DaprTestEnvironment
{
    /// <summary>The storage behind a shared state component, to look behind the API in a test.</summary>
    public StateStoreModel StateStore(string componentName)
    {
        var component = Resources.FindComponent(componentName)
            ?? throw new ArgumentException($"no component named {componentName}", nameof(componentName));
        if (component.Type == "state.in-memory")
        {
            // Each sidecar keeps its own in-memory store: there is no one store to look behind.
            throw new ArgumentException(
                $"{componentName} is in-memory and lives inside each sidecar", nameof(componentName));
        }

        return StoreFor(component, owner: null);
    }

    internal StateStoreModel StoreFor(ComponentSpec component, TestSidecar? owner)
    {
        var key = component.Type == "state.in-memory" && owner is not null
            ? $"{component.Name}@{owner.Id}"
            : component.Name;
        lock (_sync)
        {
            if (!_stores.TryGetValue(key, out var store))
            {
                store = component.Type switch
                {
                    "state.redis" => new RedisStateStore(Time),
                    "state.in-memory" => new InMemoryStateStore(Time),
                    _ => throw new NotSupportedException(
                        $"{component.SourceFile}: the test sidecar models state.redis and state.in-memory, "
                        + $"not {component.Type}"),
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
}
