using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>What thumbnails publishes, with the versioned CloudEvent type of each event.</summary>
public sealed class ThumbnailEvents(DaprClient dapr, TimeProvider time)
{
    public Task PublishAsync(PhotoThumbnailed thumbnailed, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(ComponentNames.PubSub, PhotoThumbnailed.Topic, thumbnailed,
            Type(PhotoThumbnailed.CloudEventType), cancellationToken);

    public Task PublishFailedAsync(
        string photoId, string stage, string reason, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(ComponentNames.PubSub, PhotoFailed.Topic,
            new PhotoFailed(Guid.NewGuid(), photoId, time.GetUtcNow(), AppIds.Thumbnails, reason, stage),
            Type(PhotoFailed.CloudEventType), cancellationToken);

    public Task AnnounceAsync(RenditionSetAnnounced announced, CancellationToken cancellationToken) =>
        dapr.PublishEventAsync(ComponentNames.PubSub, RenditionSetAnnounced.Topic, announced,
            Type(RenditionSetAnnounced.CloudEventType), cancellationToken);

    private static Dictionary<string, string> Type(string type) => new() { ["cloudevent.type"] = type };
}
