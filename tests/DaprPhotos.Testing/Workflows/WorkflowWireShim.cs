using Dapr.DurableTask.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DaprPhotos.Testing.Workflows;

/// <summary>
/// Translates the one message where Dapr.Workflow's fork of the durable-task protocol and the
/// in-memory backend's original disagree in a way that matters. <c>ScheduleTaskAction</c> field 5
/// is Dapr's <c>taskExecutionId</c> (a string) but the original's <c>parentTraceContext</c> (a
/// message): the backend fails to parse it and the workflow never advances. Emptying it is safe:
/// Dapr's worker then matches a completed activity by its task id. Everything else crosses as is.
/// </summary>
internal sealed class WorkflowWireShim : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (request is WorkflowResponse response)
        {
            Translate(response);
        }

        return continuation(request, context);
    }

    private static void Translate(WorkflowResponse response)
    {
        foreach (var action in response.Actions)
        {
            if (action.Router is not null)
            {
                // The original reads field 9 as a rewind action: a cross-app call cannot be played here.
                throw new NotSupportedException(
                    "The test sidecar's workflow engine cannot run cross-app workflow calls (TargetAppId).");
            }

            if (action.ScheduleTask is { } task)
            {
                task.TaskExecutionId = "";
                task.ClearHistoryPropagationScope();
            }
        }
    }
}
