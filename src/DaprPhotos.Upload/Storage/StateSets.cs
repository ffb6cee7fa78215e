using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// Small sets kept as one JSON list per key in the <c>photos</c> store. Adding is a checked write
/// (<see cref="CheckedWrites"/>), so concurrent writers never lose each other's items, and repeating
/// an add changes nothing.
/// </summary>
public sealed class StateSets(DaprClient dapr, CheckedWrites writes)
{
    public Task AddAsync<T>(string key, T item, CancellationToken cancellationToken) =>
        writes.ChangeAsync<List<T>>(
            key,
            items => items?.Contains(item) == true ? null : [.. items ?? [], item],
            cancellationToken);

    public async Task<IReadOnlyList<T>> ReadAsync<T>(string key, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<T>?>(ComponentNames.Photos, key, cancellationToken: cancellationToken)
        ?? [];
}
