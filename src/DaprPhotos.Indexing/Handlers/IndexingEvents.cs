using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Indexing.Handlers;

/// <summary>What indexing publishes, with the versioned CloudEvent type of each event.</summary>
public sealed class IndexingEvents(DaprClient dapr, TimeProvider time)
{
    public Task<PhotoIndexed> PublishIndexedAsync(
        string photoId, int termCount, CancellationToken cancellationToken) =>
        PublishAsync(
            new PhotoIndexed(Guid.NewGuid(), photoId, time.GetUtcNow(), termCount), cancellationToken);

    public Task<PhotoFailed> PublishFailedAsync(
        string photoId, string reason, CancellationToken cancellationToken) =>
        PublishAsync(
            new PhotoFailed(Guid.NewGuid(), photoId, time.GetUtcNow(), AppIds.Indexing, reason, "index"),
            cancellationToken);

    private async Task<TEvent> PublishAsync<TEvent>(
        TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        await dapr.PublishEventAsync(ComponentNames.PubSub, TEvent.Topic, integrationEvent,
            new Dictionary<string, string> { ["cloudevent.type"] = TEvent.CloudEventType },
            cancellationToken);
        return integrationEvent;
    }
}
