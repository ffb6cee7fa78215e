using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// Small sets kept as one JSON list per key in the <c>photos</c> store. Adding is an ETag-checked
/// write that reads again on a conflict, so concurrent writers never lose each other's items and
/// repeating an add changes nothing.
/// </summary>
public sealed class StateSets(DaprClient dapr)
{
    private const int MaxConflictRetries = 20;

    public async Task AddAsync<T>(string key, T item, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var (items, etag) = await dapr.GetStateAndETagAsync<List<T>?>(
                ComponentNames.Photos, key, cancellationToken: cancellationToken);
            if (items?.Contains(item) == true)
            {
                return;
            }

            if (await dapr.TrySaveStateAsync(
                ComponentNames.Photos,
                key,
                (List<T>)[.. items ?? [], item],
                etag,
                cancellationToken: cancellationToken))
            {
                return;
            }
        }

        throw new ConcurrencyConflictException($"The set {key} kept changing; the event will be retried.");
    }

    public async Task<IReadOnlyList<T>> ReadAsync<T>(string key, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<T>?>(ComponentNames.Photos, key, cancellationToken: cancellationToken)
        ?? [];
}
