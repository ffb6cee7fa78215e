using System.Globalization;
using Dapr;
using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// Keys in the <c>photos</c> store that the first writer owns (a content hash, an idempotency key).
/// "Create only if absent" is spelled differently by each store: in-memory refuses a first-write
/// save with Aborted, Redis with a plain error once the key was itself written first-write, so a
/// lost race is recognised by reading the key back, never by the error alone.
/// </summary>
public sealed class ClaimStore(DaprClient dapr)
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <returns>Null when this call claimed the key; otherwise what the owner stored there.</returns>
    public async Task<T?> ClaimAsync<T>(
        string key, T value, int? ttlSeconds, CancellationToken cancellationToken)
        where T : class
    {
        var existing = await dapr.GetStateAsync<T?>(
            ComponentNames.Photos, key, cancellationToken: cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        try
        {
            if (await dapr.TrySaveStateAsync(
                ComponentNames.Photos, key, value, "", FirstWrite, Ttl(ttlSeconds), cancellationToken))
            {
                return null;
            }
        }
        catch (DaprException)
        {
            // Lost the race on a store that reports it as a plain error, or the store failed: the
            // owner's value tells the two apart.
            var owner = await FindAsync<T>(key, cancellationToken);
            if (owner is null)
            {
                throw;
            }

            return owner;
        }

        return await FindAsync<T>(key, cancellationToken)
            ?? throw new InvalidOperationException($"The claim on {key} was refused, yet the key is empty.");
    }

    /// <summary>Replaces the value of a key this caller owns.</summary>
    public async Task UpdateAsync<T>(
        string key, T value, int? ttlSeconds, CancellationToken cancellationToken)
    {
        var (_, etag) = await dapr.GetStateAndETagAsync<T?>(
            ComponentNames.Photos, key, cancellationToken: cancellationToken);
        await dapr.TrySaveStateAsync(ComponentNames.Photos, key, value, etag, metadata: Ttl(ttlSeconds),
            cancellationToken: cancellationToken);
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken) =>
        dapr.DeleteStateAsync(ComponentNames.Photos, key, cancellationToken: cancellationToken);

    private Task<T?> FindAsync<T>(string key, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<T?>(ComponentNames.Photos, key, cancellationToken: cancellationToken);

    private static Dictionary<string, string>? Ttl(int? seconds) =>
        seconds is { } ttl
            ? new Dictionary<string, string>
            {
                ["ttlInSeconds"] = ttl.ToString(CultureInfo.InvariantCulture),
            }
            : null;
}
