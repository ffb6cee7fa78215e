using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Faults;
using DaprPhotos.Testing.Outbox;
using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.Resiliency;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Hosting;

public sealed partial class TestSidecar
{
    private readonly Dictionary<string, PolicySet> _policies = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs the component side of a call under the component's outbound policy: an injected
    /// component failure is retried like a store or broker error, and if it outlasts the policy
    /// the call fails with <paramref name="failure"/> as daprd's message prefix.
    /// </summary>
    internal async Task CallComponentAsync(string method, string component, string target, string failure)
    {
        var policies = OutboundPolicies(component);
        var started = Environment.Time.GetUtcNow();
        for (var retries = 0; ; retries++)
        {
            var fault = Environment.Faults.Fire(
                new FaultTarget(AppId, method, component, target), FaultKind.ComponentError);
            if (fault is null)
            {
                return;
            }

            var retry = policies.Retry;
            if (retry is null || !retry.AllowsRetry(retries, Environment.Time.GetUtcNow() - started))
            {
                throw fault.ToRpcException($"{failure}: injected {component} failure");
            }

            await Task.Delay(retry.DelayBeforeRetry(retries, Environment.NextRandom()), Environment.Time);
        }
    }

    /// <summary>Hands daprd's bytes for one message to the broker behind <paramref name="pubsub"/>.</summary>
    internal void Publish(
        ComponentSpec pubsub,
        string topic,
        byte[] body,
        IReadOnlyDictionary<string, string> metadata,
        string cloudEventId)
    {
        Environment.Messages.Add(new MessagePublished(
            pubsub.Name, topic, cloudEventId, Environment.Time.GetUtcNow(), AppId, body));
        Environment.BrokerFor(pubsub, this)
            .Publish(new BrokerMessage(pubsub.Name, topic, body, metadata, cloudEventId));
    }

    internal PolicySet InboundPolicies(string pubSubName) => Policies(pubSubName, inbound: true);

    internal PolicySet OutboundPolicies(string componentName) => Policies(componentName, inbound: false);

    private PolicySet Policies(string componentName, bool inbound)
    {
        lock (_sync)
        {
            var key = $"{componentName}:{inbound}";
            if (!_policies.TryGetValue(key, out var policies))
            {
                var component = Components.First(candidate => candidate.Name == componentName);
                policies = ComponentPolicies.Resolve(
                    Environment.Resources.Resiliencies, AppId, component, inbound, Environment.Time);
                _policies.Add(key, policies);
            }

            return policies;
        }
    }

    // daprd subscribes to each outbox's internal topic at start; without the outbox's pub/sub it
    // only warns, and every transaction on that store then fails to publish.
    private void StartOutboxRelays()
    {
        foreach (var store in Components.Where(component => component.IsStateStore))
        {
            var outbox = OutboxSettings.For(store);
            var pubsub = Components.FirstOrDefault(component =>
                component.IsPubSub && component.Name == outbox?.OutboxPubSub);
            if (outbox is null || pubsub is null)
            {
                continue;
            }

            var relay = new OutboxRelay(this, store, outbox);
            var subscription = new SubscriptionSpec(
                pubsub.Name,
                relay.Topic,
                [new RouteRule(null, "daprd-outbox-relay")],
                null,
                new Dictionary<string, string>(),
                []);
            var broker = Environment.BrokerFor(pubsub, this);
            broker.Join(new SubscriberReplica(this, [subscription], relay.HandleAsync));
            lock (_sync)
            {
                _brokers.Add(broker);
            }
        }
    }
}
