using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// One app id's consumer group on a broker: each message goes to one replica that subscribes to
/// its topic, round robin, with at most the component's concurrency in flight. Delivery faults
/// (copies, reordering, delays) are applied here, where a real broker would misbehave.
/// </summary>
internal sealed class ConsumerGroup(string appId, PubSubBroker broker, DaprTestEnvironment environment) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly List<SubscriberReplica> _replicas = [];
    private readonly List<Task> _inFlight = [];
    private readonly List<BrokerMessage> _heldBack = [];
    private readonly SemaphoreSlim _slots = new(broker.Concurrency);
    private int _next;

    public string AppId { get; } = appId;

    public bool Subscribes(string topic)
    {
        lock (_sync)
        {
            return _replicas.Any(replica => replica.For(topic) is not null);
        }
    }

    public void Add(SubscriberReplica replica)
    {
        lock (_sync)
        {
            _replicas.Add(replica);
        }
    }

    public void Remove(TestSidecar sidecar)
    {
        lock (_sync)
        {
            _replicas.RemoveAll(replica => replica.Sidecar == sidecar);
        }
    }

    /// <summary>The next replica for the topic, or null when none subscribes to it any more.</summary>
    public SubscriberReplica? NextReplica(string topic)
    {
        lock (_sync)
        {
            var candidates = _replicas.Where(replica => replica.For(topic) is not null).ToList();
            return candidates.Count == 0 ? null : candidates[_next++ % candidates.Count];
        }
    }

    public void Enqueue(BrokerMessage message)
    {
        var fault = environment.Faults.DeliveryFaultFor(AppId, message.Topic);
        if (fault is { ReorderBatch: > 1 })
        {
            HoldBack(message, fault);
            return;
        }

        for (var copy = 0; copy < (fault?.Copies ?? 1); copy++)
        {
            Start(message, fault?.Delay ?? TimeSpan.Zero);
        }
    }

    public void Dispose() => _slots.Dispose();

    public Task WhenIdleAsync()
    {
        lock (_sync)
        {
            _inFlight.RemoveAll(task => task.IsCompleted);
            return Task.WhenAll(_inFlight);
        }
    }

    internal void Start(BrokerMessage message, TimeSpan delay)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, environment.Time, environment.Stopping);
                }

                await _slots.WaitAsync(environment.Stopping);
                try
                {
                    await new SubscriberDelivery(this, broker, environment, message).RunAsync();
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (OperationCanceledException) when (environment.Stopping.IsCancellationRequested)
            {
                // The environment is shutting down; like daprd, it leaves the message to the broker.
            }
        });

        lock (_sync)
        {
            _inFlight.RemoveAll(running => running.IsCompleted);
            _inFlight.Add(task);
        }
    }

    // Holds messages back and releases them newest first, once the batch is full or the window ends.
    private void HoldBack(BrokerMessage message, Faults.DeliveryFault fault)
    {
        List<BrokerMessage>? release = null;
        lock (_sync)
        {
            _heldBack.Add(message);
            if (_heldBack.Count >= fault.ReorderBatch)
            {
                release = [.. _heldBack];
                _heldBack.Clear();
            }
            else if (_heldBack.Count == 1)
            {
                _ = ReleaseAfterWindowAsync(fault.ReorderWindow);
            }
        }

        release?.AsEnumerable().Reverse().ToList().ForEach(held => Start(held, fault.Delay));
    }

    private async Task ReleaseAfterWindowAsync(TimeSpan window)
    {
        try
        {
            await Task.Delay(window, environment.Time, environment.Stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        List<BrokerMessage> release;
        lock (_sync)
        {
            release = [.. _heldBack];
            _heldBack.Clear();
        }

        release.AsEnumerable().Reverse().ToList().ForEach(held => Start(held, TimeSpan.Zero));
    }
}
