using System.Text.Json;
using System.Text.Json.Nodes;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.Resources;
using Grpc.Core;

namespace DaprPhotos.Testing.Outbox;

/// <summary>
/// daprd's subscriber on an outbox's internal topic (dapr <c>pkg/runtime/pubsub/outbox.go</c>):
/// it waits a second, looks for the transaction's marker key (backing off for up to 10 s), then
/// publishes the CloudEvent to the real topic and deletes the marker. A handler error goes back to
/// the component, which for redis means the message is acknowledged and gone.
/// </summary>
internal sealed class OutboxRelay(TestSidecar sidecar, ComponentSpec store, OutboxSettings outbox)
{
    private static readonly TimeSpan ScanDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    public string Topic => outbox.InternalTopic(sidecar.AppId, sidecar.Environment.Namespace);

    public async Task<bool> HandleAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        if (ParseObject(message.Body) is not { } cloudEvent
            || cloudEvent["id"]?.GetValue<string>() is not { } marker)
        {
            return false;
        }

        var time = sidecar.Environment.Time;
        await Task.Delay(ScanDelay, time, cancellationToken);
        if (!await MarkerCommittedAsync(marker, cancellationToken))
        {
            // Not committed: the transaction failed after the internal publish.
            return outbox.DiscardWhenMissingState;
        }

        cloudEvent["topic"] = outbox.PublishTopic;
        cloudEvent["pubsubname"] = outbox.PublishPubSub;
        var pubsub = sidecar.Components.FirstOrDefault(component =>
            component.IsPubSub && component.Name == outbox.PublishPubSub);
        if (pubsub is null || !PublishingScopes.Allows(pubsub, sidecar.AppId, outbox.PublishTopic))
        {
            return false;
        }

        try
        {
            await sidecar.CallComponentAsync(
                "PublishEvent",
                pubsub.Name,
                outbox.PublishTopic,
                $"error when publishing to topic {outbox.PublishTopic} in pubsub {pubsub.Name}");
        }
        catch (RpcException)
        {
            return false;
        }

        sidecar.Publish(
            pubsub,
            outbox.PublishTopic,
            JsonSerializer.SerializeToUtf8Bytes(cloudEvent),
            new Dictionary<string, string>(),
            marker);
        sidecar.Environment
            .StoreFor(store, sidecar)
            .Apply(new State.StateDelete(marker, null, State.WriteConcurrency.Unspecified));
        return true;
    }

    // Backs off from 500 ms, three times as long each time, at most 3 s apart, for 10 s in all.
    private async Task<bool> MarkerCommittedAsync(string marker, CancellationToken cancellationToken)
    {
        var time = sidecar.Environment.Time;
        var started = time.GetUtcNow();
        var wait = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            if (sidecar.Environment.StoreFor(store, sidecar).Get(marker) is not null)
            {
                return true;
            }

            if (time.GetUtcNow() - started + wait > GiveUpAfter)
            {
                return false;
            }

            await Task.Delay(wait, time, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 3, TimeSpan.FromSeconds(3).Ticks));
        }
    }

    private static JsonObject? ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
