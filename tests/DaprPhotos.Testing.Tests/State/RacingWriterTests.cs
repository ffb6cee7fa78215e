using System.Text;
using Dapr.Client;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>
/// SidecarFaults.RaceWrites: another client saves a key just before the app's ETag-checked write,
/// so the store's own ETag rules (contract §4.1, §4.2) answer with a genuine conflict.
/// </summary>
public sealed class RacingWriterTests
{
    [Theory] // contract §4.2: TrySaveStateAsync is false on Aborted, the §4.1 SaveState conflict
    [InlineData(Redis)]
    [InlineData(InMemory)]
    public async Task AFreshETagLosesTheRaceUntilTheRuleIsSpent(string storeType)
    {
        await using var environment = StoreOfType(storeType);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        var rule = environment.Faults.RaceWrites(times: 1);

        var raced = await TrySaveFreshAsync(client, "k", "v2");
        var after = await TrySaveFreshAsync(client, "k", "v3");

        Assert.Equal((false, true, 1), (raced, after, rule.Injected));
        Assert.Equal("v3", await ReadAsync(client, "k"));
    }

    [Fact] // contract §4.1 DeleteState: same ETag handling as SaveState, Aborted on a conflict
    public async Task ADeleteWithAFreshETagLosesTheRace()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);
        environment.Faults.RaceWrites(times: 1);

        var (_, etag) = await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation);
        var deleted = await client.TryDeleteStateAsync(Store, "k", etag, cancellationToken: Cancellation);

        Assert.False(deleted);
        Assert.Equal("v", await ReadAsync(client, "k"));
    }

    [Fact] // contract §4.2: a transaction conflict is Internal; dapr-answers §1 Multi: no rollback
    public async Task ARacedRedisTransactionFailsAndStillAppliesItsOtherUpsert()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var operations = await FreshUpsertsAsync(client, "a", "b");
        var rule = environment.Faults.RaceWrites(key: key => key == "b");

        var status = await StatusOf(() => client.ExecuteStateTransactionAsync(
            Store, operations, cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.StartsWith("error while executing state transaction: ", status.Status.Detail);
        Assert.Equal(("x", "old", 1), (await ReadAsync(client, "a"), await ReadAsync(client, "b"),
            rule.Injected));
    }

    [Fact] // dapr-answers §2 Multi: every ETag is checked before anything is written
    public async Task ARacedInMemoryTransactionAppliesNothing()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var operations = await FreshUpsertsAsync(client, "a", "b");
        environment.Faults.RaceWrites(key: key => key == "b");

        var status = await StatusOf(() => client.ExecuteStateTransactionAsync(
            Store, operations, cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.Equal(("old", "old"), (await ReadAsync(client, "a"), await ReadAsync(client, "b")));
    }

    [Fact] // the use it exists for: read, modify, TrySaveStateAsync with the ETag, retry when false
    public async Task ConcurrentReadModifyWritesThatRetryLoseNoUpdate()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "count", 0, cancellationToken: Cancellation);
        var rule = environment.Faults.RaceWrites(times: 5);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => IncrementAsync(client)));

        var count = await client.GetStateAsync<int>(Store, "count", cancellationToken: Cancellation);
        Assert.Equal((10, 5), (count, rule.Injected));
    }

    private static async Task IncrementAsync(DaprClient client)
    {
        while (true)
        {
            var (count, etag) = await client.GetStateAndETagAsync<int>(Store, "count",
                cancellationToken: Cancellation);
            if (await client.TrySaveStateAsync(Store, "count", count + 1, etag,
                    cancellationToken: Cancellation))
            {
                return;
            }
        }
    }

    // Each key saved as "old", then an upsert of "x" carrying the ETag just read.
    private static async Task<List<StateTransactionRequest>> FreshUpsertsAsync(
        DaprClient client, params string[] keys)
    {
        var operations = new List<StateTransactionRequest>();
        foreach (var key in keys)
        {
            await client.SaveStateAsync(Store, key, "old", cancellationToken: Cancellation);
            var (_, etag) = await client.GetStateAndETagAsync<string>(Store, key,
                cancellationToken: Cancellation);
            operations.Add(new(key, Encoding.UTF8.GetBytes("\"x\""), StateOperationType.Upsert, etag));
        }

        return operations;
    }
}
