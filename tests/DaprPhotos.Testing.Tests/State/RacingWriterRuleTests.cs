using System.Text;
using Dapr.Client;
using DaprPhotos.Testing.Faults;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>Which writes a SidecarFaults.RaceWrites rule races, and what it leaves visible.</summary>
public sealed class RacingWriterRuleTests
{
    [Fact] // contract §4.1 General ETag rules: with no ETag, writes are last-write-wins
    public async Task AWriteWithoutAnETagIsNeverRaced()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        var rule = environment.Faults.RaceWrites();

        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);
        await client.ExecuteStateTransactionAsync(Store, [Upsert("k")], cancellationToken: Cancellation);

        var (value, etag) = await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation);
        Assert.Equal(("x", "3", 0), (value, etag, rule.Injected));
    }

    [Fact] // contract §4.1 redis: an ETag on a missing key is accepted, and nobody else saved it
    public async Task AWriteToAMissingKeyIsNeverRaced()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var rule = environment.Faults.RaceWrites();

        var saved = await client.TrySaveStateAsync(Store, "new", "v", "1", cancellationToken: Cancellation);
        await client.ExecuteStateTransactionAsync(
            Store, [Upsert("other", etag: "1")], cancellationToken: Cancellation);

        Assert.Equal((true, "x", 0), (saved, await ReadAsync(client, "other"), rule.Injected));
    }

    [Fact] // contract §4.3: the rule names keys and stores as the app does, without the prefix
    public async Task TheRuleMatchesTheAppsKeyAndAppIdAndCountsEachRace()
    {
        await using var environment = StoreOfType(Redis, "- name: keyPrefix\n  value: name\n");
        using var orders = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        using var billing = (await environment.StartSidecarAsync("billing")).CreateDaprClient();
        await orders.SaveStateAsync(Store, "a", "v", cancellationToken: Cancellation);
        await orders.SaveStateAsync(Store, "b", "v", cancellationToken: Cancellation);
        var rule = environment.Faults.RaceWrites(appId: "orders", store: Store, key: key => key == "b");

        var results = new[]
        {
            await TrySaveFreshAsync(orders, "a", "v"),
            await TrySaveFreshAsync(orders, "b", "v"),
            await TrySaveFreshAsync(billing, "b", "v"),
            await TrySaveFreshAsync(orders, "b", "v"),
        };

        Assert.Equal([true, false, true, false], results);
        Assert.Equal(2, rule.Injected);
    }

    [Fact] // env.Calls counts the app's round-trips; the racing writer is not the app
    public async Task ARaceIsNotRecordedAsACallOfTheApp()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);
        environment.Faults.RaceWrites(times: 1);

        await TrySaveFreshAsync(client, "k", "v2");

        Assert.Equal(["SaveState", "GetState", "SaveState"],
            environment.Calls.Snapshot().Select(call => call.Method));
    }

    [Fact] // only RaceWrites knows which calls a racing writer may touch
    public void AFailureRuleCannotBeARacingWriter() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SidecarFaults(1).FailState(kind: FaultKind.RacingWriter));

    private static StateTransactionRequest Upsert(string key, string? etag = null) =>
        new(key, Encoding.UTF8.GetBytes("\"x\""), StateOperationType.Upsert, etag);
}
