using System.Text.Json;
using System.Text.Json.Nodes;
using DaprPhotos.Testing.Outbox;
using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.State;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Grpc;

// ExecuteStateTransaction (contract §4.1), with the transactional outbox daprd runs when the store
// names outboxPublishPubsub and outboxPublishTopic.
internal sealed partial class DaprApiService
{
    public async Task<Empty> ExecuteStateTransaction(
        DaprProto.ExecuteStateTransactionRequest request, ServerCallContext call)
    {
        var keys = string.Join(",", request.Operations.Select(operation => operation.Request?.Key));
        Enter(call, "ExecuteStateTransaction", request.StoreName, keys, request);
        var store = StateStore(request.StoreName);
        if (!store.Store.SupportsTransactions)
        {
            throw Error(StatusCode.Unimplemented, $"state store {store.Name} doesn't support transactions");
        }

        var operations = request.Operations.Select(Operation).ToList();
        if (OutboxSettings.For(store.Component) is { } outbox)
        {
            operations = [.. await PublishToOutboxAsync(store, outbox, request.Operations, call),
                .. operations.Where((_, index) => !IsProjection(request.Operations[index]))];
        }

        await CallComponentAsync(
            "ExecuteStateTransaction", store.Name, keys, "error while executing state transaction");

        RaceWrites("ExecuteStateTransaction", store, operations);
        try
        {
            store.Store.Transact(operations);
        }
        catch (StateStoreException ex)
        {
            throw Error(StatusCode.Internal, $"error while executing state transaction: {ex.Detail}");
        }

        return new Empty();

        // daprd checks the key before the operation type, so a bad key wins over a bad type.
        StateOperation Operation(DaprProto.TransactionalStateOperation operation)
        {
            var item = operation.Request ?? new DaprProto.StateItem();
            var key = store.StoredKey(item.Key);
            return operation.OperationType switch
            {
                "upsert" => Upsert(store, item),
                "delete" => new StateDelete(key, item.Etag?.Value, Concurrency(item.Options)),
                var other => throw Error(StatusCode.Unimplemented, $"operation type {other} not supported"),
            };
        }
    }

    /// <summary>
    /// Before the commit, daprd publishes one CloudEvent per upsert (its projection's value when
    /// one is given) to an internal topic, and adds a marker key to the transaction; the relay
    /// publishes to the real topic only once it sees the marker, i.e. once the commit happened.
    /// </summary>
    private async Task<List<StateOperation>> PublishToOutboxAsync(
        StateStoreBinding store,
        OutboxSettings outbox,
        IList<DaprProto.TransactionalStateOperation> operations,
        ServerCallContext call)
    {
        const string failure = "error while publishing outbox message";
        var pubsub = sidecar.Components.FirstOrDefault(component =>
                component.IsPubSub && component.Name == outbox.OutboxPubSub)
            ?? throw Error(StatusCode.Internal, $"{failure}: pubsub {outbox.OutboxPubSub} not found");
        var projections = operations
            .Where(IsProjection)
            .ToDictionary(operation => operation.Request.Key, operation => operation.Request);
        var internalTopic = outbox.InternalTopic(sidecar.AppId, Environment.Namespace);
        var traceId = TraceContext.ChildOf(call.RequestHeaders.GetValue("traceparent"))
            ?? TraceContext.NewRoot();
        var markers = new List<StateOperation>();

        var upserts = operations.Where(operation =>
            operation.OperationType == "upsert" && !IsProjection(operation));
        foreach (var operation in upserts)
        {
            var marker = $"outbox-{Guid.NewGuid()}";
            var payload = projections.GetValueOrDefault(operation.Request.Key) ?? operation.Request;
            var body = InternalEnvelope(marker, outbox, payload, operation.Request.Metadata, traceId);
            await CallComponentAsync("PublishEvent", pubsub.Name, internalTopic, failure);
            sidecar.Publish(pubsub, internalTopic, body, new Dictionary<string, string>(), marker);

            // The marker goes in unprefixed: the relay reads the store directly, not through the API.
            markers.Add(new StateUpsert(
                marker, ByteString.CopyFromUtf8("\"0\""), null, WriteConcurrency.Unspecified, null));
        }

        return markers;
    }

    private byte[] InternalEnvelope(
        string marker,
        OutboxSettings outbox,
        DaprProto.StateItem payload,
        IDictionary<string, string> metadata,
        string traceId)
    {
        var contentType = payload.Metadata.TryGetValue("contentType", out var type) ? type : "";
        var context = new PublishContext(
            sidecar.AppId,
            outbox.OutboxPubSub,
            "",
            payload.Value.ToByteArray(),
            contentType,
            new Dictionary<string, string>(),
            "",
            "",
            Environment.Time.GetUtcNow(),
            null);
        var envelope = JsonNode.Parse(CloudEventEnvelope.Build(context))!.AsObject();
        envelope["id"] = marker;
        envelope["traceid"] = traceId;

        // The upsert's own metadata becomes CloudEvent fields: this is how "type" is set.
        foreach (var (key, value) in metadata.Where(pair => pair.Key is not ("data" or "id")))
        {
            envelope[key] = value;
        }

        return JsonSerializer.SerializeToUtf8Bytes(GoJson.Normalize(envelope));
    }

    private static bool IsProjection(DaprProto.TransactionalStateOperation operation) =>
        operation.OperationType == "upsert"
        && operation.Request?.Metadata.TryGetValue("outbox.projection", out var flag) == true
        && flag is "true" or "True" or "1" or "yes" or "on";
}
