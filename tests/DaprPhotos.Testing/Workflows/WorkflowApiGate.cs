using DaprPhotos.Testing.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DaprPhotos.Testing.Workflows;

/// <summary>
/// The checks daprd makes before a workflow call reaches its engine: the sidecar must be reachable,
/// the API token right, and the app must load an actor state store (workflows run on actors).
/// Workflow calls are not recorded in <c>Calls</c>: the worker's keep-alives would drown the state
/// and pub/sub calls tests count.
/// </summary>
internal sealed class WorkflowApiGate(TestSidecar sidecar) : Interceptor
{
    // daprd's messages.ErrActorRuntimeNotFound, answered with gRPC Internal.
    public const string NoActorStateStore =
        "the state store is not configured to use the actor runtime. Have you set the - name: "
        + "actorStateStore value: \"true\" in your state store component file?";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        if (!sidecar.IsAvailable)
        {
            throw new RpcException(new Status(
                StatusCode.Unavailable, "Error connecting to subchannel (the sidecar is down)"));
        }

        if (sidecar.Options.ApiToken is { } expected
            && context.RequestHeaders.GetValue("dapr-api-token") != expected)
        {
            throw new RpcException(new Status(
                StatusCode.Unauthenticated, "authentication error: api token mismatch"));
        }

        if (!sidecar.HasActorStateStore)
        {
            throw new RpcException(new Status(StatusCode.Internal, NoActorStateStore));
        }
    }
}
