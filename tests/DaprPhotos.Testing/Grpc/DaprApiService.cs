using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Faults;
using DaprPhotos.Testing.Hosting;
using Google.Protobuf;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Grpc;

/// <summary>
/// daprd's gRPC API for one sidecar. Every call passes the same gate as in daprd: the sidecar must
/// be reachable, the request within <c>--max-body-size</c>, the API token right; then it is recorded.
/// </summary>
internal sealed partial class DaprApiService(TestSidecar sidecar)
{
    private DaprTestEnvironment Environment => sidecar.Environment;

    public Task<DaprProto.GetMetadataResponse> GetMetadata(ServerCallContext call)
    {
        Enter(call, "GetMetadata", "", "", new DaprProto.GetMetadataRequest());
        var response = new DaprProto.GetMetadataResponse { Id = sidecar.AppId };
        response.RegisteredComponents.AddRange(sidecar.Components.Select(component =>
            new DaprProto.RegisteredComponents
            {
                Name = component.Name,
                Type = component.Type,
                Version = component.Version,
            }));
        return Task.FromResult(response);
    }

    private void Enter(
        ServerCallContext context, string method, string component, string target, IMessage request)
    {
        if (!sidecar.IsAvailable)
        {
            throw new RpcException(new Status(
                StatusCode.Unavailable, "Error connecting to subchannel (the sidecar is down)"));
        }

        var call = new FaultTarget(sidecar.AppId, method, component, target);
        if (Environment.Faults.Fire(call, FaultKind.SidecarUnreachable) is { } unreachable)
        {
            throw unreachable.ToRpcException("");
        }

        var size = request.CalculateSize();
        if (size > sidecar.Options.MaxBodySizeBytes)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"grpc: received message larger than max ({size} vs. {sidecar.Options.MaxBodySizeBytes})"));
        }

        CheckApiToken(context);
        Environment.Calls.Add(new SidecarCall(
            sidecar.AppId, method, component, target, size, Environment.Time.GetUtcNow()));
    }

    private void CheckApiToken(ServerCallContext call)
    {
        if (sidecar.Options.ApiToken is not { } expected)
        {
            return;
        }

        var sent = call.RequestHeaders.GetValue("dapr-api-token");
        if (sent is null)
        {
            throw new RpcException(new Status(
                StatusCode.Unauthenticated, "missing api token in request metadata"));
        }

        if (sent != expected)
        {
            throw new RpcException(new Status(
                StatusCode.Unauthenticated, "authentication error: api token mismatch"));
        }
    }

    private Task CallComponentAsync(string method, string component, string target, string failure) =>
        sidecar.CallComponentAsync(method, component, target, failure);

    private static T CheckResponseSize<T>(T response, int limit)
        where T : IMessage
    {
        var size = response.CalculateSize();
        return size <= limit
            ? response
            : throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"grpc: trying to send message larger than max ({size} vs. {limit})"));
    }

    private static RpcException Error(StatusCode code, string message) => new(new Status(code, message));
}
