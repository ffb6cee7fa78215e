using Dapr;
using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// Read, change, write one key of the <c>photos</c> store without ever losing a concurrent writer's
/// change: the write carries the ETag it read, a key that did not exist yet is created first-write
/// (of two creators, one wins and the other reads again), and a lost race reads again.
/// </summary>
public sealed class CheckedWrites(DaprClient dapr)
{
    private const int MaxAttempts = 20;

    // With an ETag it is checked; without one (a new key), the key must not exist yet.
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <param name="change">The new value, or null when there is nothing to write.</param>
    /// <param name="deleteWhen">A new value for which the key is deleted instead (an empty set, say).</param>
    /// <returns>The value as it now stands, and whether this call wrote it.</returns>
    public async Task<(T? Value, bool Written)> ChangeAsync<T>(
        string key,
        Func<T?, T?> change,
        CancellationToken cancellationToken,
        Func<T, bool>? deleteWhen = null)
        where T : class
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<T?>(
                ComponentNames.Photos, key, cancellationToken: cancellationToken);
            if (change(current) is not { } next)
            {
                return (current, false);
            }

            try
            {
                var written = deleteWhen?.Invoke(next) == true
                    ? await dapr.TryDeleteStateAsync(
                        ComponentNames.Photos, key, etag, cancellationToken: cancellationToken)
                    : await dapr.TrySaveStateAsync(
                        ComponentNames.Photos, key, next, etag, FirstWrite,
                        cancellationToken: cancellationToken);
                if (written)
                {
                    return (next, true);
                }
            }
            catch (DaprException) when (string.IsNullOrEmpty(etag))
            {
                // Redis reports a lost first-write as a plain error, like a failed store: the key
                // existing now tells the two apart.
                if (await dapr.GetStateAsync<T?>(
                    ComponentNames.Photos, key, cancellationToken: cancellationToken) is null)
                {
                    throw;
                }
            }
        }

        throw new ConcurrencyConflictException(
            $"The key {key} kept changing under {MaxAttempts} attempts to write it; "
            + "the work will be retried.");
    }
}
