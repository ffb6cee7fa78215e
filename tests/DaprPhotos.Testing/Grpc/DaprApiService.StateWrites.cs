using DaprPhotos.Testing.Faults;
using DaprPhotos.Testing.State;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;
using StateConcurrency = Dapr.Client.Autogen.Grpc.v1.StateOptions.Types.StateConcurrency;

namespace DaprPhotos.Testing.Grpc;

// The state API's writes (contract §4): key rules, concurrency, ETag errors mapped to daprd's codes.
internal sealed partial class DaprApiService
{
    public async Task<Empty> SaveState(DaprProto.SaveStateRequest request, ServerCallContext call)
    {
        var keys = string.Join(",", request.States.Select(state => state.Key));
        Enter(call, "SaveState", request.StoreName, keys, request);
        var store = StateStore(request.StoreName);

        // daprd checks item by item: an empty key, then the key's prefix rules.
        var upserts = request.States
            .Select(state => state.Key.Length == 0
                ? throw Error(StatusCode.InvalidArgument, "state key cannot be empty")
                : Upsert(store, state))
            .ToList();
        await CallComponentAsync(
            "SaveState", store.Name, keys, $"failed saving state in state store {store.Name}");
        RaceWrites("SaveState", store, upserts);
        ApplyAll(store, upserts, $"failed saving state in state store {store.Name}");
        return new Empty();
    }

    public async Task<Empty> DeleteState(DaprProto.DeleteStateRequest request, ServerCallContext call)
    {
        Enter(call, "DeleteState", request.StoreName, request.Key, request);
        var store = StateStore(request.StoreName);
        var delete = new StateDelete(
            store.StoredKey(request.Key), request.Etag?.Value, Concurrency(request.Options));
        await CallComponentAsync(
            "DeleteState", store.Name, request.Key, $"failed deleting state with key {request.Key}");
        RaceWrites("DeleteState", store, [delete]);
        ApplyAll(store, [delete], $"failed deleting state with key {request.Key}");
        return new Empty();
    }

    public async Task<Empty> DeleteBulkState(DaprProto.DeleteBulkStateRequest request, ServerCallContext call)
    {
        var keys = string.Join(",", request.States.Select(state => state.Key));
        Enter(call, "DeleteBulkState", request.StoreName, keys, request);
        var store = StateStore(request.StoreName);
        var deletes = request.States
            .Select(state => new StateDelete(
                store.StoredKey(state.Key), state.Etag?.Value, Concurrency(state.Options)))
            .ToList();
        await CallComponentAsync(
            "DeleteBulkState", store.Name, keys, $"failed deleting state in state store {store.Name}");
        RaceWrites("DeleteBulkState", store, deletes);
        ApplyAll(store, deletes, $"failed deleting state in state store {store.Name}");
        return new Empty();
    }

    private static StateUpsert Upsert(StateStoreBinding store, DaprProto.StateItem item) =>
        new(
            store.StoredKey(item.Key),
            item.Value,
            item.Etag?.Value,
            Concurrency(item.Options),
            store.Ttl(item.Metadata));

    private static WriteConcurrency Concurrency(DaprProto.StateOptions? options) =>
        options?.Concurrency switch
        {
            StateConcurrency.ConcurrencyFirstWrite => WriteConcurrency.FirstWrite,
            StateConcurrency.ConcurrencyLastWrite => WriteConcurrency.LastWrite,
            _ => WriteConcurrency.Unspecified,
        };

    // SidecarFaults.RaceWrites: another client saves each ETag-checked key the rule picks just before
    // the write reaches the store. That save is not the app's, so Environment.Calls does not show it.
    private void RaceWrites(string method, StateStoreBinding store, IEnumerable<StateOperation> operations)
    {
        foreach (var operation in operations.Where(operation => operation.HasETag))
        {
            var target = new FaultTarget(
                sidecar.AppId, method, store.Name, StateKeyPrefix.Strip(operation.Key));
            store.Store.Touch(
                operation.Key, () => Environment.Faults.Fire(target, FaultKind.RacingWriter) is not null);
        }
    }

    // One item is a Set; several run as the component's bulk operation: each applies on its own and
    // the error is an ETag error (Aborted, or InvalidArgument if any ETag was malformed) when one was.
    private static void ApplyAll(
        StateStoreBinding store, IReadOnlyList<StateOperation> operations, string failure)
    {
        var errors = new List<StateStoreException>();
        foreach (var operation in operations)
        {
            try
            {
                store.Store.Apply(operation);
            }
            catch (StateStoreException ex)
            {
                errors.Add(ex);
            }
        }

        if (errors.Count == 0)
        {
            return;
        }

        var code = errors.Any(error => error.Kind == StateErrorKind.ETagInvalid) ? StatusCode.InvalidArgument
            : errors.Any(error => error.Kind == StateErrorKind.ETagMismatch) ? StatusCode.Aborted
            : StatusCode.Internal;
        throw Error(code, $"{failure}: {string.Join("\n", errors.Select(error => error.Detail))}");
    }
}
