using System.Text.Json;
using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.DeadLetters;

/// <summary>
/// Dead letters in the <c>photos</c> store: one record each, and their ids listed per day (UTC) of
/// their first arrival, so they can be paged newest first through the state API alone.
/// </summary>
public sealed class DeadLetterStore(DaprClient dapr, StateSets sets, TimeProvider time)
{
    private const string DaysKey = "dead-letters/days";
    private const int MaxConflictRetries = 10;

    /// <summary>
    /// Records a dead letter: new, arriving again after a redrive (pending again), or a redelivery
    /// of one already pending (unchanged). Returns the record as it now stands, and whether this was
    /// a new arrival rather than a redelivery.
    /// </summary>
    public async Task<(DeadLetterRecord Record, bool Arrived)> RecordAsync<TEvent>(
        string topic, string subscriberAppId, TEvent deadLettered, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        var id = DeadLetterRecord.IdOf(topic, subscriberAppId, deadLettered.EventId);
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var (stored, etag) = await dapr.GetStateAndETagAsync<DeadLetterRecord?>(
                ComponentNames.Photos, DeadLetterRecord.StoreKey(id), cancellationToken: cancellationToken);
            var next = stored switch
            {
                null => New(id, topic, subscriberAppId, deadLettered, now),
                { State: DeadLetterState.Redriven } => stored with
                {
                    State = DeadLetterState.Pending,
                    Times = stored.Times + 1,
                    LastDeadLetteredAt = now,
                },
                _ => null,
            };
            if (next is null)
            {
                return (stored!, false);
            }

            if (await dapr.TrySaveStateAsync(
                ComponentNames.Photos, DeadLetterRecord.StoreKey(id), next, etag,
                cancellationToken: cancellationToken))
            {
                var day = ListingIndex.DayOf(next.FirstDeadLetteredAt);
                await sets.AddAsync(DayKey(day), id, cancellationToken);
                await sets.AddAsync(DaysKey, day, cancellationToken);
                return (next, true);
            }
        }

        throw new ConcurrencyConflictException($"The dead letter {id} kept changing; it will be retried.");
    }

    public Task<DeadLetterRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<DeadLetterRecord?>(
            ComponentNames.Photos, DeadLetterRecord.StoreKey(id), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<DeadLetterRecord>> GetManyAsync(
        IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await dapr.GetBulkStateAsync<DeadLetterRecord?>(
            ComponentNames.Photos, [.. ids.Select(DeadLetterRecord.StoreKey)], parallelism: 0,
            cancellationToken: cancellationToken);
        return [.. items.Select(item => item.Value).OfType<DeadLetterRecord>()];
    }

    /// <summary>Days with dead letters, newest first.</summary>
    public async Task<IReadOnlyList<string>> DaysAsync(CancellationToken cancellationToken) =>
        [.. (await sets.ReadAsync<string>(DaysKey, cancellationToken))
            .OrderDescending(StringComparer.Ordinal)];

    /// <summary>The ids of one day's dead letters in the order they arrived, oldest first.</summary>
    public Task<IReadOnlyList<string>> DayAsync(string day, CancellationToken cancellationToken) =>
        sets.ReadAsync<string>(DayKey(day), cancellationToken);

    /// <summary>
    /// Publishes the event again on its own topic, with its own id and type, then marks it redriven.
    /// Every subscriber of the topic sees it again: their handlers are idempotent.
    /// </summary>
    public async Task RedriveAsync(DeadLetterRecord deadLetter, CancellationToken cancellationToken)
    {
        await dapr.PublishEventAsync(
            ComponentNames.PubSub,
            deadLetter.Topic,
            deadLetter.Event,
            new Dictionary<string, string> { ["cloudevent.type"] = deadLetter.CloudEventType },
            cancellationToken);

        var (stored, etag) = await dapr.GetStateAndETagAsync<DeadLetterRecord?>(
            ComponentNames.Photos,
            DeadLetterRecord.StoreKey(deadLetter.Id),
            cancellationToken: cancellationToken);
        if (stored is { State: DeadLetterState.Pending })
        {
            // A lost race means a new dead letter of the same event arrived: it stays pending, rightly.
            await dapr.TrySaveStateAsync(
                ComponentNames.Photos,
                DeadLetterRecord.StoreKey(deadLetter.Id),
                stored with
                {
                    State = DeadLetterState.Redriven,
                    Redrives = stored.Redrives + 1,
                    RedrivenAt = time.GetUtcNow(),
                },
                etag,
                cancellationToken: cancellationToken);
        }
    }

    private static DeadLetterRecord New<TEvent>(
        string id, string topic, string subscriberAppId, TEvent deadLettered, DateTimeOffset now)
        where TEvent : IIntegrationEvent => new()
    {
        Id = id,
        Topic = topic,
        SubscriberAppId = subscriberAppId,
        CloudEventType = TEvent.CloudEventType,
        PhotoId = deadLettered.PhotoId,
        EventId = deadLettered.EventId,
        Event = JsonSerializer.SerializeToElement(deadLettered, DaprPhotosJson.SerializerOptions),
        FirstDeadLetteredAt = now,
        LastDeadLetteredAt = now,
    };

    private static string DayKey(string day) => $"dead-letters/{day}";
}
