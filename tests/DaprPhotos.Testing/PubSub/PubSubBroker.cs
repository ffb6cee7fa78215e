using System.Globalization;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resiliency;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// The broker behind one pub/sub component. Each app id is one consumer group (the component's
/// consumerID defaults to the app id), so every subscribing app gets each message once and the
/// replicas of one app compete for it. <c>pubsub.redis</c> keeps the stream, so a group created
/// later reads it from the start (XGROUP CREATE … 0); <c>pubsub.in-memory</c> keeps nothing.
/// </summary>
internal sealed class PubSubBroker : IDisposable
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, List<BrokerMessage>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConsumerGroup> _groups = new(StringComparer.Ordinal);

    // How far each group has read each stream (redis's last-delivered id): a group that comes back
    // after all its replicas left reads on from there, not from the start again.
    private readonly Dictionary<(string Group, string Topic), int> _cursors = [];
    private readonly DaprTestEnvironment _environment;

    public PubSubBroker(ComponentSpec component, DaprTestEnvironment environment)
    {
        if (component.Type is not ("pubsub.redis" or "pubsub.in-memory"))
        {
            throw new NotSupportedException(
                $"{component.SourceFile}: the test sidecar models pubsub.redis and pubsub.in-memory, "
                + $"not {component.Type}");
        }

        Component = component;
        _environment = environment;
        Concurrency = int.TryParse(component.GetMetadata("concurrency"), out var concurrency)
            ? concurrency
            : 10;
        ProcessingTimeout = RedisDuration(
            component.GetMetadata("processingTimeout"), TimeSpan.FromSeconds(60));
        RedeliverInterval = int.TryParse(component.GetMetadata("redeliverInterval"), out var interval)
            ? TimeSpan.FromMilliseconds(interval)
            : TimeSpan.FromSeconds(15);
    }

    public ComponentSpec Component { get; }

    public bool KeepsStream => Component.Type == "pubsub.redis";

    /// <summary>Deliveries in flight per consumer (redis: 10 workers; order is not kept).</summary>
    public int Concurrency { get; }

    /// <summary>A delivery that fails after running this long stays pending and is delivered again.</summary>
    public TimeSpan ProcessingTimeout { get; }

    public TimeSpan RedeliverInterval { get; }

    /// <summary>
    /// redis reclaims pending messages only when processingTimeout and redeliverInterval are both set.
    /// </summary>
    public bool Redelivers =>
        KeepsStream && ProcessingTimeout > TimeSpan.Zero && RedeliverInterval > TimeSpan.Zero;

    public void Publish(BrokerMessage message)
    {
        List<ConsumerGroup> groups;
        lock (_sync)
        {
            if (KeepsStream)
            {
                Stream(message.Topic).Add(message);
            }

            groups = [.. _groups.Values.Where(group => group.Subscribes(message.Topic))];
            if (KeepsStream)
            {
                groups.ForEach(group => _cursors[(group.AppId, message.Topic)] = Stream(message.Topic).Count);
            }
        }

        foreach (var group in groups)
        {
            group.Enqueue(message);
        }
    }

    public void Join(SubscriberReplica replica)
    {
        List<BrokerMessage> backlog = [];
        ConsumerGroup group;
        lock (_sync)
        {
            if (!_groups.TryGetValue(replica.Sidecar.AppId, out group!))
            {
                group = new ConsumerGroup(replica.Sidecar.AppId, this, _environment);
                _groups.Add(replica.Sidecar.AppId, group);
            }

            foreach (var topic in replica.Topics.Where(topic => !group.Subscribes(topic)))
            {
                // XGROUP CREATE … 0: a new group reads the stream from its start.
                var stream = Stream(topic);
                backlog.AddRange(stream.Skip(_cursors.GetValueOrDefault((group.AppId, topic))));
                _cursors[(group.AppId, topic)] = stream.Count;
            }

            group.Add(replica);
        }

        backlog.ForEach(group.Enqueue);
    }

    public void Leave(TestSidecar sidecar)
    {
        lock (_sync)
        {
            if (_groups.TryGetValue(sidecar.AppId, out var group))
            {
                group.Remove(sidecar);
            }
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            foreach (var group in _groups.Values)
            {
                group.Dispose();
            }
        }
    }

    public Task WhenIdleAsync()
    {
        lock (_sync)
        {
            return Task.WhenAll(_groups.Values.Select(group => group.WhenIdleAsync()));
        }
    }

    private List<BrokerMessage> Stream(string topic)
    {
        if (!_streams.TryGetValue(topic, out var stream))
        {
            stream = [];
            _streams.Add(topic, stream);
        }

        return stream;
    }

    // The redis component reads a plain number as milliseconds and a string like 30s as a duration.
    private static TimeSpan RedisDuration(string? text, TimeSpan fallback) =>
        string.IsNullOrEmpty(text) ? fallback
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
        : GoDuration.Parse(text, "processingTimeout");
}
