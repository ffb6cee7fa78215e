using System.Text.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.EndToEnd.Tests.Chaos;

/// <summary>What the sidecars' record of messages says about a run.</summary>
internal static class ChaosEvidence
{
    private const string DeadLetterSuffix = ".dead-letter";

    /// <summary>The photos some service reported with <c>photo-failed</c>.</summary>
    public static ISet<string> PhotoFailedIds(DaprTestEnvironment environment) =>
        environment.PublishedEvents<PhotoFailed>(Topics.PhotoFailed).Select(e => e.PhotoId).ToHashSet();

    /// <summary>The photos whose events some subscriber gave up on, moved to a dead-letter topic.</summary>
    public static ISet<string> DeadLetteredPhotoIds(DaprTestEnvironment environment) =>
        DeadLetters(environment).Select(PhotoIdOf).OfType<string>().ToHashSet();

    public static IReadOnlyDictionary<string, int> DeadLettersByTopic(DaprTestEnvironment environment) =>
        DeadLetters(environment).GroupBy(message => message.Topic).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// First delivery attempts beyond one per message and subscriber: the broker's duplicates (and
    /// any redelivery of a message the component took back).
    /// </summary>
    public static int DuplicateDeliveries(DaprTestEnvironment environment) =>
        environment.Messages.Snapshot()
            .OfType<MessageDelivered>()
            .Where(delivered => delivered.Attempt == 1)
            .GroupBy(delivered => (delivered.Topic, delivered.AppId, delivered.CloudEventId))
            .Sum(group => group.Count() - 1);

    private static IEnumerable<MessagePublished> DeadLetters(DaprTestEnvironment environment) =>
        environment.Messages.Snapshot()
            .OfType<MessagePublished>()
            .Where(message => message.Topic.EndsWith(DeadLetterSuffix, StringComparison.Ordinal));

    private static string? PhotoIdOf(MessagePublished message)
    {
        using var cloudEvent = JsonDocument.Parse(message.Body);
        return cloudEvent.RootElement.TryGetProperty("data", out var data)
            && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("photoId", out var photoId)
                ? photoId.GetString()
                : null;
    }
}
