using System.Threading.Channels;
using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// One app id's consumer group on a broker: each message goes to one replica that subscribes to
/// its topic, round robin. Like the redis component, <c>concurrency</c> workers take messages from
/// one queue in order, so <c>concurrency: 1</c> delivers in publish order. Delivery faults
/// (copies, reordering, delays) are applied here, where a real broker would misbehave.
/// </summary>
internal sealed partial class ConsumerGroup(
    string appId, PubSubBroker broker, DaprTestEnvironment environment) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly List<SubscriberReplica> _replicas = [];
    private readonly List<Task> _inFlight = [];
    private readonly List<BrokerMessage> _heldBack = [];
    private readonly Channel<(BrokerMessage Message, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(BrokerMessage, TaskCompletionSource)>();
    private int _next;
    private int _workersStarted;

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

    public void Dispose() => _queue.Writer.TryComplete();

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
        StartWorkers();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (delay <= TimeSpan.Zero)
        {
            _queue.Writer.TryWrite((message, done));
        }
        else
        {
            _ = EnqueueLaterAsync(message, delay, done);
        }

        lock (_sync)
        {
            _inFlight.RemoveAll(running => running.IsCompleted);
            _inFlight.Add(done.Task);
        }
    }

    private async Task EnqueueLaterAsync(BrokerMessage message, TimeSpan delay, TaskCompletionSource done)
    {
        try
        {
            await Task.Delay(delay, environment.Time, environment.Stopping);
            _queue.Writer.TryWrite((message, done));
        }
        catch (OperationCanceledException)
        {
            done.TrySetResult();
        }
    }

    private void StartWorkers()
    {
        if (Interlocked.Exchange(ref _workersStarted, 1) == 0)
        {
            for (var worker = 0; worker < broker.Concurrency; worker++)
            {
                _ = Task.Run(WorkAsync);
            }
        }
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var (message, done) in _queue.Reader.ReadAllAsync(environment.Stopping))
            {
                try
                {
                    await new SubscriberDelivery(this, broker, environment, message).RunAsync();
                }
                catch (OperationCanceledException) when (environment.Stopping.IsCancellationRequested)
                {
                    // The environment is shutting down; like daprd, it leaves the message to the broker.
                }
                finally
                {
                    done.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: messages still queued stay with the broker, and nobody waits for them.
            while (_queue.Reader.TryRead(out var queued))
            {
                queued.Done.TrySetResult();
            }
        }
    }
}
