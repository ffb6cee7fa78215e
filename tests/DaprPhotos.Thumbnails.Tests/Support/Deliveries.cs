using System.Text.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>What became of the messages about one photo, in the words of the tests.</summary>
internal static class Deliveries
{
    // Wall clock; generous because the machine running the tests may be busy. A pass returns at once.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Task<PhotoThumbnailed> ThumbnailedAsync(
        this ThumbnailsApplication app, string photoId, CancellationToken cancellationToken) =>
        app.Environment.WaitForEventAsync<PhotoThumbnailed>(
            Topics.PhotoThumbnailed, e => e.PhotoId == photoId, Patience, cancellationToken);

    public static Task<PhotoFailed> FailedAsync(
        this ThumbnailsApplication app, string photoId, CancellationToken cancellationToken) =>
        app.Environment.WaitForEventAsync<PhotoFailed>(
            Topics.PhotoFailed, e => e.PhotoId == photoId, Patience, cancellationToken);

    /// <summary>Every photo-thumbnailed published about the photo so far, oldest first.</summary>
    public static IReadOnlyList<PhotoThumbnailed> Thumbnailed(
        this ThumbnailsApplication app, string photoId) =>
        [.. app.Environment.PublishedEvents<PhotoThumbnailed>(Topics.PhotoThumbnailed)
            .Where(e => e.PhotoId == photoId)];

    /// <summary>
    /// Waits until thumbnails has settled the <paramref name="nth"/> message on <paramref name="topic"/>
    /// about the photo (1 = the first published) and returns how.
    /// </summary>
    public static async Task<MessageSettled> SettledAsync(
        this ThumbnailsApplication app, string topic, string photoId, CancellationToken cancellationToken,
        int nth = 1)
    {
        var cloudEventId = CloudEventIds(app, topic, photoId)[nth - 1];
        return (MessageSettled)await app.Environment.Messages.WaitForAsync(
            message => message is MessageSettled settled
                && settled.CloudEventId == cloudEventId
                && settled.Topic == topic
                && settled.AppId == AppIds.Thumbnails,
            $"thumbnails settling {topic} #{nth} for photo {photoId}",
            Patience,
            cancellationToken);
    }

    /// <summary>Every delivery attempt thumbnails got of messages on the topic about the photo.</summary>
    public static IReadOnlyList<MessageDelivered> Attempts(
        this ThumbnailsApplication app, string topic, string photoId)
    {
        var ids = CloudEventIds(app, topic, photoId);
        return app.Environment.Messages.Where(message => message is MessageDelivered delivered
                && delivered.Topic == topic
                && delivered.AppId == AppIds.Thumbnails
                && ids.Contains(delivered.CloudEventId))
            .Cast<MessageDelivered>()
            .ToList();
    }

    /// <summary>The CloudEvent ids of the messages on the topic about the photo, oldest first.</summary>
    public static IReadOnlyList<string> CloudEventIds(
        ThumbnailsApplication app, string topic, string photoId) =>
        app.Environment.Messages.Where(message => message is MessagePublished published
                && published.Topic == topic
                && PhotoIdOf(published) == photoId)
            .Select(message => message.CloudEventId)
            .ToList();

    private static string? PhotoIdOf(MessagePublished published)
    {
        using var document = JsonDocument.Parse(published.Body);
        return document.RootElement.TryGetProperty("data", out var data)
            && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("photoId", out var photoId)
                ? photoId.GetString()
                : null;
    }
}
