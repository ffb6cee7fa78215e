using System.Text.Json;
using Dapr;
using Dapr.Client;
using DaprPhotos.Contracts;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// Applies set changes to the <c>index</c> store with ETag-checked writes only: read every key in
/// one bulk get, write the sets that change in one transaction (first-write, each with the ETag it
/// was read with), create missing keys with create-only writes, and on any conflict read again and
/// redo what is still missing. Because each change is a set operation, a write that was partly
/// applied (a Redis transaction is not atomic) is simply finished by the next attempt.
/// </summary>
public sealed class IndexSets(
    DaprClient dapr, IOptions<IndexingOptions> options, TimeProvider time, ILogger<IndexSets> logger)
{
    private static readonly StateOptions CheckETag = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <summary>Applies every change; returns how many attempts it took.</summary>
    public async Task<int> ApplyAsync(IReadOnlyList<SetChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return 0;
        }

        var keys = changes.Select(change => change.Key).Distinct().ToList();
        var maxAttempts = options.Value.MaxWriteAttempts;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var stored = await dapr.GetBulkStateAsync(
                ComponentNames.Index, keys, parallelism: null, cancellationToken: cancellationToken);
            var byKey = stored.ToDictionary(item => item.Key);
            var updates = new List<StateTransactionRequest>();
            var creates = new List<SaveStateItem<JsonElement>>();
            foreach (var change in changes)
            {
                var current = byKey[change.Key];
                if (change.Apply(current.Value) is not { } value)
                {
                    continue;
                }

                if (string.IsNullOrEmpty(current.ETag))
                {
                    creates.Add(new SaveStateItem<JsonElement>(
                        change.Key, JsonSerializer.Deserialize<JsonElement>(value), null!, CheckETag));
                }
                else
                {
                    updates.Add(new StateTransactionRequest(
                        change.Key, value, StateOperationType.Upsert, current.ETag, options: CheckETag));
                }
            }

            if (updates.Count == 0 && creates.Count == 0)
            {
                return attempt;
            }

            if (await TryWriteAsync(updates, creates, cancellationToken))
            {
                return attempt;
            }

            IndexingLog.SetConflict(logger, attempt, updates.Count + creates.Count);
            await Task.Delay(Backoff(attempt), time, cancellationToken);
        }

        throw new IndexConflictException(
            $"The index kept changing under {changes.Count} set changes; "
            + $"gave up after {maxAttempts} attempts.");
    }

    // A conflict and a failed store look alike here (a transaction conflict is Internal, not
    // Aborted); both are retried, and a fault that outlasts the attempts reaches the caller.
    private async Task<bool> TryWriteAsync(
        List<StateTransactionRequest> updates,
        List<SaveStateItem<JsonElement>> creates,
        CancellationToken cancellationToken)
    {
        try
        {
            if (updates.Count > 0)
            {
                await dapr.ExecuteStateTransactionAsync(
                    ComponentNames.Index, updates, cancellationToken: cancellationToken);
            }

            // A key that did not exist is created with first-write and no ETag: only one writer can.
            if (creates.Count > 0)
            {
                await dapr.SaveBulkStateAsync(ComponentNames.Index, creates, cancellationToken);
            }

            return true;
        }
        catch (DaprException)
        {
            return false;
        }
    }

    // Exponential with full jitter, so writers that met on a key do not meet again on the retry.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(250, 4 << Math.Min(attempt, 10)));
}
