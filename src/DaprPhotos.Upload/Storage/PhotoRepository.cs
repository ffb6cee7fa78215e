using System.Diagnostics;
using System.Text.Json;
using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults;
using DaprPhotos.Upload.Photos;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// Photo records in the <c>photos</c> store. A new record and its <c>photo-uploaded</c> event are
/// one state transaction: the store's outbox (<c>outboxPublishTopic</c> in photos.yaml) makes daprd
/// publish the event once the record is committed, so no crash can leave a photo without it.
/// Because the outbox publishes one event per upsert of every transaction on this store, nothing
/// else in upload may write <c>photos</c> through a transaction.
/// </summary>
public sealed class PhotoRepository(DaprClient dapr, CheckedWrites writes, TimeProvider time)
{
    public async Task<(PhotoRecord? Record, string ETag)> GetAsync(
        string photoId, CancellationToken cancellationToken)
    {
        var (record, etag) = await dapr.GetStateAndETagAsync<PhotoRecord?>(
            ComponentNames.Photos, PhotoRecord.StoreKey(photoId), cancellationToken: cancellationToken);
        return (record, etag);
    }

    public async Task<IReadOnlyList<PhotoRecord>> GetManyAsync(
        IReadOnlyList<string> photoIds, CancellationToken cancellationToken)
    {
        if (photoIds.Count == 0)
        {
            return [];
        }

        var items = await dapr.GetBulkStateAsync<PhotoRecord?>(
            ComponentNames.Photos,
            [.. photoIds.Select(PhotoRecord.StoreKey)],
            parallelism: 0,
            cancellationToken: cancellationToken);
        return [.. items.Select(item => item.Value).OfType<PhotoRecord>()];
    }

    /// <summary>
    /// The outbox copies the record operation's metadata into the CloudEvent it publishes: the
    /// event's type, and the upload request's trace, which daprd's outbox would otherwise drop
    /// (it publishes with an empty traceparent, so the photo's journey would start a new trace).
    /// </summary>
    private static Dictionary<string, string> OutboxEventFields()
    {
        var fields = new Dictionary<string, string> { ["type"] = PhotoUploaded.CloudEventType };
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            fields["traceparent"] = activity.Id!;
            if (!string.IsNullOrEmpty(activity.TraceStateString))
            {
                fields["tracestate"] = activity.TraceStateString;
            }
        }

        return fields;
    }

    /// <summary>Writes a new record and, through the outbox, its <paramref name="uploaded"/> event.</summary>
    public Task CreateAsync(PhotoRecord record, PhotoUploaded uploaded, CancellationToken cancellationToken)
    {
        var key = PhotoRecord.StoreKey(record.Id);
        var recordOperation = new StateTransactionRequest(
            key,
            JsonSerializer.SerializeToUtf8Bytes(record, DaprPhotosJson.SerializerOptions),
            StateOperationType.Upsert,
            metadata: OutboxEventFields());
        var eventProjection = new StateTransactionRequest(
            key,
            JsonSerializer.SerializeToUtf8Bytes(uploaded, DaprPhotosJson.SerializerOptions),
            StateOperationType.Upsert,
            metadata: new Dictionary<string, string>
            {
                ["outbox.projection"] = "true",
                ["contentType"] = "application/json",
            });
        return dapr.ExecuteStateTransactionAsync(ComponentNames.Photos, [recordOperation, eventProjection],
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> with an ETag check, reading again on a conflict, so
    /// concurrent writers never overwrite each other. A null change means nothing to write.
    /// </summary>
    /// <returns>
    /// The record as it now stands (null for an unknown photo) and whether this call changed it.
    /// </returns>
    public async Task<PhotoUpdate> UpdateAsync(
        string photoId, Func<PhotoRecord, PhotoRecord?> change, CancellationToken cancellationToken)
    {
        var (record, written) = await writes.ChangeAsync<PhotoRecord>(
            PhotoRecord.StoreKey(photoId),
            current => current is null ? null : change(current),
            cancellationToken);
        return new PhotoUpdate(record, written);
    }

    public DateTimeOffset Now => time.GetUtcNow();
}

/// <summary>The record as it stands after an update (null: no such photo), and whether it changed.</summary>
public sealed record PhotoUpdate(PhotoRecord? Record, bool Changed);

/// <summary>A write lost its ETag race too many times in a row; the caller should retry later.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
