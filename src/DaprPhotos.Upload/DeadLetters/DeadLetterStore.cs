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
public sealed class DeadLetterStore(
    DaprClient dapr, StateSets sets, CheckedWrites writes, TimeProvider time)
{
    private const string DaysKey = "dead-letters/days";

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
        var (record, arrived) = await writes.ChangeAsync<DeadLetterRecord>(
            DeadLetterRecord.StoreKey(id),
            stored => stored switch
            {
                null => New(id, topic, subscriberAppId, deadLettered, now),
                { State: DeadLetterState.Redriven } => stored with
                {
                    State = DeadLetterState.Pending,
                    Times = stored.Times + 1,
                    LastDeadLetteredAt = now,
                },
                _ => null,
            },
            cancellationToken);

        // Listed after it is stored, and again on every redelivery: a crash in between is mended.
        var day = ListingIndex.DayOf(record!.FirstDeadLetteredAt);
        await sets.AddAsync(DayKey(day), id, cancellationToken);
        await sets.AddAsync(DaysKey, day, cancellationToken);
        return (record, arrived);
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

        // A new dead letter of the same event that arrived meanwhile stays pending, rightly: only a
        // pending record becomes redriven.
        await writes.ChangeAsync<DeadLetterRecord>(
            DeadLetterRecord.StoreKey(deadLetter.Id),
            stored => stored is { State: DeadLetterState.Pending }
                ? stored with
                {
                    State = DeadLetterState.Redriven,
                    Redrives = stored.Redrives + 1,
                    RedrivenAt = time.GetUtcNow(),
                }
                : null,
            cancellationToken);
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
