using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.DurableTask.Protobuf;

namespace DaprPhotos.Testing.Workflows;

/// <summary>
/// Gives a workflow step that was handed to an app which then went away to the next app that
/// connects, as daprd does (its actors and reminders dispatch it again). The in-memory backend
/// alone would wait for that step's answer forever. A step dispatched again may run twice, which
/// is what at-least-once asks every activity to survive.
/// </summary>
internal sealed class WorkItemRedelivery : Interceptor
{
    private readonly ConcurrentDictionary<string, WorkItem> _unanswered = new();

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (responseStream is not IServerStreamWriter<WorkItem> workItems)
        {
            await continuation(request, responseStream, context);
            return;
        }

        using var stream = new WatchedStream(workItems, this);
        var orphans = _unanswered.Values.ToList();
        var connected = continuation(request, (IServerStreamWriter<TResponse>)(object)stream, context);
        foreach (var orphan in orphans)
        {
            await stream.WriteAsync(orphan);
        }

        await connected;
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var answered = request switch
        {
            ActivityResponse activity => ActivityKey(activity.InstanceId, activity.TaskId),
            OrchestratorResponse orchestrator => OrchestratorKey(orchestrator.InstanceId),
            _ => null,
        };
        if (answered is not null)
        {
            _unanswered.TryRemove(answered, out _);
        }

        return continuation(request, context);
    }

    private static string? KeyOf(WorkItem item) => item.RequestCase switch
    {
        WorkItem.RequestOneofCase.ActivityRequest =>
            ActivityKey(item.ActivityRequest.OrchestrationInstance.InstanceId, item.ActivityRequest.TaskId),
        WorkItem.RequestOneofCase.OrchestratorRequest => OrchestratorKey(item.OrchestratorRequest.InstanceId),
        _ => null,
    };

    private static string ActivityKey(string instanceId, int taskId) => $"activity/{instanceId}/{taskId}";

    private static string OrchestratorKey(string instanceId) => $"workflow/{instanceId}";

    // Writes to one stream must not overlap: the backend and the redelivery both write here.
    private sealed class WatchedStream(IServerStreamWriter<WorkItem> inner, WorkItemRedelivery owner)
        : IServerStreamWriter<WorkItem>, IDisposable
    {
        private readonly SemaphoreSlim _writing = new(1, 1);

        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public async Task WriteAsync(WorkItem message)
        {
            if (KeyOf(message) is { } key)
            {
                owner._unanswered[key] = message;
            }

            await _writing.WaitAsync();
            try
            {
                await inner.WriteAsync(message);
            }
            finally
            {
                _writing.Release();
            }
        }

        public void Dispose() => _writing.Dispose();
    }
}
