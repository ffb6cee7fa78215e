using System.Text;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>Playing the other services: publish as they would, then wait for upload to settle it.</summary>
internal sealed partial class UploadApplication
{
    /// <summary>Publishes as the thumbnails service would.</summary>
    public Task PublishAsThumbnailsAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        PublishAsThumbnailsAsync(TEvent.Topic, integrationEvent, cancellationToken);

    /// <summary>Publishes on any topic as thumbnails' sidecar would, e.g. a dead letter.</summary>
    public Task PublishAsThumbnailsAsync<TEvent>(
        string topic, TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        _thumbnails.PublishEventAsync(
            ComponentNames.PubSub, topic, integrationEvent, CloudEventType<TEvent>(), cancellationToken);

    /// <summary>Publishes as the indexing service would.</summary>
    public Task PublishAsIndexingAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        _indexing.PublishEventAsync(
            ComponentNames.PubSub, TEvent.Topic, integrationEvent, CloudEventType<TEvent>(),
            cancellationToken);

    /// <summary>Publishes bytes that are no event at all, as a broken publisher would.</summary>
    public Task PublishRawAsThumbnailsAsync(
        string topic, string body, string contentType, CancellationToken cancellationToken) =>
        _thumbnails.PublishByteEventAsync(
            ComponentNames.PubSub, topic, Encoding.UTF8.GetBytes(body), contentType,
            cancellationToken: cancellationToken);

    /// <summary>Publishes as thumbnails and waits until upload has settled it.</summary>
    public async Task<MessageSettled> DeliverAsThumbnailsAsync<TEvent>(
        TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        await PublishAsThumbnailsAsync(integrationEvent, cancellationToken);
        return await SettledByUploadAsync(TEvent.Topic, $"{integrationEvent.EventId}", cancellationToken);
    }

    /// <summary>Publishes as indexing and waits until upload has settled it.</summary>
    public async Task<MessageSettled> DeliverAsIndexingAsync<TEvent>(
        TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        await PublishAsIndexingAsync(integrationEvent, cancellationToken);
        return await SettledByUploadAsync(TEvent.Topic, $"{integrationEvent.EventId}", cancellationToken);
    }

    /// <summary>
    /// Waits until upload has settled the message on <paramref name="topic"/> whose body contains
    /// <paramref name="marker"/> (an event id or a photo id), then until every broker is idle.
    /// </summary>
    public async Task<MessageSettled> SettledByUploadAsync(
        string topic, string marker, CancellationToken cancellationToken)
    {
        var published = await Environment.Messages.WaitForAsync(
            message => message is MessagePublished p && p.Topic == topic && p.BodyText.Contains(marker),
            $"a message with {marker} on {topic}", cancellationToken: cancellationToken);
        var settled = await Environment.Messages.WaitForAsync(
            message => message is MessageSettled s && s.CloudEventId == published.CloudEventId
                && s.AppId == AppIds.Upload,
            $"upload settling {topic} {published.CloudEventId}", cancellationToken: cancellationToken);
        await Environment.WhenIdleAsync();
        return (MessageSettled)settled;
    }

    /// <summary>Every delivery attempt of messages on <paramref name="topic"/> to upload.</summary>
    public IReadOnlyList<MessageDelivered> DeliveriesToUpload(string topic) =>
        [.. Environment.Messages.Snapshot().OfType<MessageDelivered>()
            .Where(delivered => delivered.Topic == topic && delivered.AppId == AppIds.Upload)];

    /// <summary>Every attempt to deliver the message that <paramref name="settled"/> ended.</summary>
    public IReadOnlyList<MessageDelivered> DeliveriesOf(MessageSettled settled) =>
        [.. DeliveriesToUpload(settled.Topic)
            .Where(delivered => delivered.CloudEventId == settled.CloudEventId)];

    private static Dictionary<string, string> CloudEventType<TEvent>()
        where TEvent : IIntegrationEvent =>
        new() { ["cloudevent.type"] = TEvent.CloudEventType };
}
