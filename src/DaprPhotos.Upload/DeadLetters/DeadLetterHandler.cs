using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.ServiceDefaults.Metrics;
using DaprPhotos.Upload.Events;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.DeadLetters;

/// <summary>
/// A dead letter: a subscriber exhausted its retries on an event about a photo, or dropped it.
/// The event is kept for a redrive, and the photo is marked failed, naming the service that gave
/// up (a deleted photo stays deleted). A store fault is retried like any delivery.
/// </summary>
public sealed class DeadLetterHandler<TEvent>(
    DeadLetterStore deadLetters,
    PhotoRepository photos,
    PipelineMetrics metrics,
    ILogger<DeadLetterHandler<TEvent>> logger)
    : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
{
    public async Task<EventOutcome> HandleAsync(
        TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var (topic, subscriber) = DeadLetterTopics.Parse(context.Topic);
        UploadLog.DeadLettered(logger, integrationEvent.PhotoId, integrationEvent.EventId, topic, subscriber);
        var (recorded, arrived) = await deadLetters.RecordAsync(
            topic, subscriber, integrationEvent, cancellationToken);
        if (arrived)
        {
            metrics.DeadLettered(topic, subscriber);
        }

        return await PhotoProgress.ApplyAsync(
            photos,
            logger,
            integrationEvent,
            record => PhotoTransitions.ApplyDeadLetter(
                record, integrationEvent.EventId, recorded.Redrives, photos.Now, subscriber, topic),
            cancellationToken);
    }
}
