using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;

namespace DaprPhotos.Upload.DeadLetters;

/// <summary>
/// Upload hears every dead-letter topic of the pipeline (<see cref="Topics.DeadLetter"/>), its own
/// subscribers' included, so every event any service gave up on can be listed and redriven.
/// </summary>
public static class DeadLetterTopics
{
    private const string Suffix = ".dead-letter";

    public static IEndpointRouteBuilder MapDeadLetterEvents(this IEndpointRouteBuilder endpoints)
    {
        Map<PhotoUploaded>(endpoints, AppIds.Thumbnails);
        Map<PhotoReprocessRequested>(endpoints, AppIds.Thumbnails);
        Map<PhotoDeleted>(endpoints, AppIds.Thumbnails);
        Map<PhotoThumbnailed>(endpoints, AppIds.Indexing);
        Map<PhotoDeleted>(endpoints, AppIds.Indexing);
        Map<PhotoUploaded>(endpoints, AppIds.Upload);
        Map<PhotoThumbnailed>(endpoints, AppIds.Upload);
        Map<PhotoIndexed>(endpoints, AppIds.Upload);
        Map<PhotoFailed>(endpoints, AppIds.Upload);
        return endpoints;
    }

    /// <summary>The original topic and the subscriber that gave up, from a dead-letter topic.</summary>
    public static (string Topic, string SubscriberAppId) Parse(string deadLetterTopic)
    {
        var name = deadLetterTopic.EndsWith(Suffix, StringComparison.Ordinal)
            ? deadLetterTopic[..^Suffix.Length]
            : deadLetterTopic;
        var split = name.LastIndexOf('.');
        return split > 0 ? (name[..split], name[(split + 1)..]) : (name, "a subscriber");
    }

    // A dead letter's own delivery has no dead-letter topic: there is nobody further to tell.
    private static void Map<TEvent>(IEndpointRouteBuilder endpoints, string subscriberAppId)
        where TEvent : class, IIntegrationEvent =>
        endpoints.MapIntegrationEvent<TEvent, DeadLetterHandler<TEvent>>(
            Topics.DeadLetter(TEvent.Topic, subscriberAppId), AppIds.Upload, deadLetter: false);
}
