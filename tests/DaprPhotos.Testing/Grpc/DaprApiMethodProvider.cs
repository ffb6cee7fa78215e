using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Grpc;

/// <summary>
/// Binds daprd's <c>dapr.proto.runtime.v1.Dapr</c> service by hand: Dapr.Protos ships only the
/// client, so each method descriptor is built from the client's message types. Methods not bound
/// here answer Unimplemented, as a daprd without that API would.
/// </summary>
internal sealed class DaprApiMethodProvider : IServiceMethodProvider<DaprApiService>
{
    private static readonly string ServiceName = DaprProto.Dapr.Descriptor.FullName;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<DaprApiService> context)
    {
        Add<DaprProto.GetStateRequest, DaprProto.GetStateResponse>(
            context, "GetState", (api, request, call) => api.GetState(request, call));
        Add<DaprProto.GetBulkStateRequest, DaprProto.GetBulkStateResponse>(
            context, "GetBulkState", (api, request, call) => api.GetBulkState(request, call));
        Add<DaprProto.SaveStateRequest, Google.Protobuf.WellKnownTypes.Empty>(
            context, "SaveState", (api, request, call) => api.SaveState(request, call));
        Add<DaprProto.DeleteStateRequest, Google.Protobuf.WellKnownTypes.Empty>(
            context, "DeleteState", (api, request, call) => api.DeleteState(request, call));
        Add<DaprProto.DeleteBulkStateRequest, Google.Protobuf.WellKnownTypes.Empty>(
            context, "DeleteBulkState", (api, request, call) => api.DeleteBulkState(request, call));
        Add<DaprProto.ExecuteStateTransactionRequest, Google.Protobuf.WellKnownTypes.Empty>(
            context,
            "ExecuteStateTransaction",
            (api, request, call) => api.ExecuteStateTransaction(request, call));
        Add<DaprProto.PublishEventRequest, Google.Protobuf.WellKnownTypes.Empty>(
            context, "PublishEvent", (api, request, call) => api.PublishEvent(request, call));
        Add<DaprProto.BulkPublishRequest, DaprProto.BulkPublishResponse>(
            context, "BulkPublishEvent", (api, request, call) => api.BulkPublishEvent(request, call));
        Add<DaprProto.BulkPublishRequest, DaprProto.BulkPublishResponse>(
            context, "BulkPublishEventAlpha1", (api, request, call) => api.BulkPublishEvent(request, call));
        Add<DaprProto.GetMetadataRequest, DaprProto.GetMetadataResponse>(
            context, "GetMetadata", (api, _, call) => api.GetMetadata(call));
    }

    private static void Add<TRequest, TResponse>(
        ServiceMethodProviderContext<DaprApiService> context,
        string name,
        UnaryServerMethod<DaprApiService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        // A name the descriptor does not know is a typo here, not a method daprd serves.
        _ = DaprProto.Dapr.Descriptor.FindMethodByName(name)
            ?? throw new InvalidOperationException($"{ServiceName} has no method {name}");

        var parser = new MessageParser<TRequest>(() => new TRequest());
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary,
            ServiceName,
            name,
            Marshallers.Create(request => request.ToByteArray(), parser.ParseFrom),
            Marshallers.Create(
                response => response.ToByteArray(),
                new MessageParser<TResponse>(() => new TResponse()).ParseFrom));
        context.AddUnaryMethod(method, [], handler);
    }
}
