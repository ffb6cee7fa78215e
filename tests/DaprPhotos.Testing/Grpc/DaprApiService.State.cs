using DaprPhotos.Testing.State;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Grpc;

// The state API's reads (contract §4) and the store lookup every state call starts with.
internal sealed partial class DaprApiService
{
    public async Task<DaprProto.GetStateResponse> GetState(
        DaprProto.GetStateRequest request, ServerCallContext call)
    {
        Enter(call, "GetState", request.StoreName, request.Key, request);
        var store = StateStore(request.StoreName);
        var key = store.StoredKey(request.Key);
        await CallComponentAsync(
            "GetState", store.Name, request.Key, $"fail to get {request.Key} from state store {store.Name}");

        var read = store.Store.Get(key);
        var response = new DaprProto.GetStateResponse
        {
            Data = read?.Value ?? ByteString.Empty,
            Etag = read?.ETag ?? "",
        };
        CopyMetadata(read, response.Metadata);
        return CheckResponseSize(response, sidecar.Options.MaxBodySizeBytes);
    }

    public async Task<DaprProto.GetBulkStateResponse> GetBulkState(
        DaprProto.GetBulkStateRequest request, ServerCallContext call)
    {
        var target = string.Join(",", request.Keys);
        Enter(call, "GetBulkState", request.StoreName, target, request);
        var store = StateStore(request.StoreName);
        var keys = request.Keys.Select(key => (Key: key, Stored: store.StoredKey(key))).ToList();
        await CallComponentAsync(
            "GetBulkState", store.Name, target, $"failed getting state in state store {store.Name}");

        // Items keep the request's order, one per key (duplicates too), under the key as sent.
        var response = new DaprProto.GetBulkStateResponse();
        foreach (var (key, stored) in keys)
        {
            var read = store.Store.Get(stored);
            var item = new DaprProto.BulkStateItem
            {
                Key = key,
                Data = read?.Value ?? ByteString.Empty,
                Etag = read?.ETag ?? "",
            };
            CopyMetadata(read, item.Metadata);
            response.Items.Add(item);
        }

        return CheckResponseSize(response, sidecar.Options.MaxBodySizeBytes);
    }

    private StateStoreBinding StateStore(string name)
    {
        if (!sidecar.StatePrefixes.TryGetValue(name, out var prefix))
        {
            throw sidecar.StatePrefixes.Count == 0
                ? Error(StatusCode.FailedPrecondition, $"state store {name} is not configured")
                : Error(StatusCode.InvalidArgument, $"state store {name} is not found");
        }

        var component = sidecar.Components.First(candidate => candidate.Name == name);
        return new StateStoreBinding(component, Environment.StoreFor(component, sidecar), prefix);
    }

    private static void CopyMetadata(StateRead? read, MapField<string, string> target)
    {
        foreach (var (key, value) in read?.Metadata ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }
}
