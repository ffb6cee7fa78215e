using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.Resources;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Grpc;

// The publish API (contract §2, §5): envelope, scoping, outbound policy, then the broker.
internal sealed partial class DaprApiService
{
    public async Task<Empty> PublishEvent(DaprProto.PublishEventRequest request, ServerCallContext call)
    {
        Enter(call, "PublishEvent", request.PubsubName, request.Topic, request);
        var pubsub = PubSub(request.PubsubName, request.Topic);
        await PublishAsync(pubsub, request.Topic, request.Data.ToByteArray(), request.DataContentType,
            new Dictionary<string, string>(request.Metadata), call);
        return new Empty();
    }

    public async Task<DaprProto.BulkPublishResponse> BulkPublishEvent(
        DaprProto.BulkPublishRequest request, ServerCallContext call)
    {
        Enter(call, "BulkPublishEvent", request.PubsubName, request.Topic, request);
        var pubsub = PubSub(request.PubsubName, request.Topic);
        var response = new DaprProto.BulkPublishResponse();
        foreach (var entry in request.Entries)
        {
            var metadata = new Dictionary<string, string>(request.Metadata);
            foreach (var (key, value) in entry.Metadata)
            {
                metadata[key] = value;
            }

            try
            {
                await PublishAsync(
                    pubsub, request.Topic, entry.Event.ToByteArray(), entry.ContentType, metadata, call);
            }
            catch (RpcException ex)
            {
                response.FailedEntries.Add(new DaprProto.BulkPublishResponseFailedEntry
                {
                    EntryId = entry.EntryId,
                    Error = ex.Status.Detail,
                });
            }
        }

        return response;
    }

    private ComponentSpec PubSub(string name, string topic)
    {
        if (name.Length == 0)
        {
            throw Error(StatusCode.InvalidArgument, "pubsub name is empty");
        }

        var pubsub = sidecar.Components.FirstOrDefault(component =>
                component.IsPubSub && component.Name == name)
            ?? throw Error(StatusCode.InvalidArgument, $"pubsub {name} is not found");
        if (topic.Length == 0)
        {
            throw Error(StatusCode.InvalidArgument, $"topic is empty in pubsub {name}");
        }

        return PublishingScopes.Allows(pubsub, sidecar.AppId, topic)
            ? pubsub
            : throw Error(
                StatusCode.PermissionDenied, $"topic {topic} is not allowed for app id {sidecar.AppId}");
    }

    private async Task PublishAsync(
        ComponentSpec pubsub,
        string topic,
        byte[] data,
        string contentType,
        Dictionary<string, string> metadata,
        ServerCallContext call)
    {
        var incoming = call.RequestHeaders.GetValue("traceparent");
        var (traceParent, traceState) = CloudEventEnvelope.TraceFields(
            metadata,
            TraceContext.ChildOf(incoming) ?? TraceContext.NewRoot(),
            call.RequestHeaders.GetValue("tracestate") ?? "");
        var now = Environment.Time.GetUtcNow();
        byte[] body;
        string cloudEventId;
        if (bool.TryParse(metadata.GetValueOrDefault("rawPayload"), out var raw) && raw)
        {
            metadata["traceid"] = traceParent;
            metadata["tracestate"] = traceState;
            (body, cloudEventId) = (data, "");
        }
        else
        {
            var expiresAt = int.TryParse(metadata.GetValueOrDefault("ttlInSeconds"), out var ttl)
                ? now.AddSeconds(ttl)
                : (DateTimeOffset?)null;
            var context = new PublishContext(
                sidecar.AppId,
                pubsub.Name,
                topic,
                data,
                contentType,
                metadata,
                traceParent,
                traceState,
                now,
                expiresAt);
            try
            {
                body = CloudEventEnvelope.Build(context);
            }
            catch (FormatException ex)
            {
                throw Error(
                    StatusCode.InvalidArgument,
                    $"error when unmarshalling the request to a cloud event: {ex.Message}");
            }

            cloudEventId = CloudEventEnvelope.IdOf(body);
        }

        var failure = $"error when publishing to topic {topic} in pubsub {pubsub.Name}";
        await CallComponentAsync("PublishEvent", pubsub.Name, topic, failure);
        sidecar.Publish(pubsub, topic, body, metadata, cloudEventId);
    }
}
