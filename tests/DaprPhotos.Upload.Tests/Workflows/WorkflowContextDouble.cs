using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprPhotos.Upload.Tests.Workflows;

/// <summary>
/// A <see cref="WorkflowContext"/> for one run of a workflow's code, without an engine: activities
/// answer from the test's table, timers fire at once (moving the clock), and an external event is
/// there when the test queued it, else its wait times out. What the run did is kept to assert on.
/// </summary>
internal sealed class WorkflowContextDouble(string instanceId, DateTime start) : WorkflowContext
{
    private readonly Dictionary<string, Func<object?, object?>> _activities = [];
    private readonly Queue<(string Name, object? Payload)> _events = new();
    private DateTime _now = start;

    public List<(string Name, object? Input)> ActivityCalls { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    public object? ContinuedWith { get; private set; }

    public override string Name => "under test";

    public override string InstanceId => instanceId;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => false;

    public WorkflowContextDouble Answer<TInput, TOutput>(string activity, Func<TInput, TOutput> answer)
    {
        _activities[activity] = input => answer((TInput)input!);
        return this;
    }

    /// <summary>Queues an event, as if raised before the workflow next waits for it.</summary>
    public void Raise(string name, object? payload = null) => _events.Enqueue((name, payload));

    public override Task<T> CallActivityAsync<T>(
        string name,
        object? input = null,
        WorkflowTaskOptions? options = null)
    {
        ActivityCalls.Add((name, input));
        return _activities.TryGetValue(name, out var answer)
            ? Task.FromResult((T)answer(input)!)
            : throw new InvalidOperationException($"The test gave no answer for activity {name}.");
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        _now = fireAt > _now ? fireAt : _now;
        return Task.CompletedTask;
    }

    public override Task<T> WaitForExternalEventAsync<T>(
        string eventName,
        CancellationToken cancellationToken = default)
    {
        if (_events.TryPeek(out var next) && next.Name == eventName)
        {
            return Task.FromResult((T)_events.Dequeue().Payload!);
        }

        // Nothing queued: the wait lasts until the timeout's timer cancels it.
        return Task.FromCanceled<T>(cancellationToken.IsCancellationRequested
            ? cancellationToken
            : new CancellationToken(canceled: true));
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatuses.Add(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinuedWith = newInput;

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw new NotSupportedException();

    public override Task<TResult> CallChildWorkflowAsync<TResult>(
        string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        throw new NotSupportedException();

    public override Guid NewGuid() => Guid.NewGuid();

    public override bool IsPatched(string patchName) => true;

    public override PropagatedHistory? GetPropagatedHistory() => null;

    public override ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;

    public override ILogger CreateReplaySafeLogger(Type type) => NullLogger.Instance;

    public override ILogger<T> CreateReplaySafeLogger<T>() => NullLogger<T>.Instance;
}
