using System.Text.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Indexing.Tests.Support;

/// <summary>What became of the messages about one photo, in the words of the tests.</summary>
internal static class Deliveries
{
    // Wall clock; generous because the machine running the tests may be busy. A pass returns at once.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Waits until indexing has settled the <paramref name="nth"/> message on <paramref name="topic"/>
    /// about the photo (1 = the first published) and returns how.
    /// </summary>
    public static async Task<MessageSettled> SettledAsync(
        this IndexingApplication app, string topic, string photoId, CancellationToken cancellationToken,
        int nth = 1)
    {
        var cloudEventId = CloudEventIds(app, topic, photoId)[nth - 1];
        return (MessageSettled)await app.Environment.Messages.WaitForAsync(
            message => message is MessageSettled settled
                && settled.CloudEventId == cloudEventId
                && settled.Topic == topic
                && settled.AppId == AppIds.Indexing,
            $"indexing settling {topic} #{nth} for photo {photoId}",
            Patience,
            cancellationToken);
    }

    /// <summary>The CloudEvent ids of the messages on the topic about the photo, oldest first.</summary>
    public static IReadOnlyList<string> CloudEventIds(
        IndexingApplication app, string topic, string photoId) =>
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
