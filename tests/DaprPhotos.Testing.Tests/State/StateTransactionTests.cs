using System.Text;
using Dapr.Client;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>Contract §4.1 ExecuteStateTransaction, dapr-answers §1 Multi and §2 Multi.</summary>
public sealed class StateTransactionTests
{
    [Theory] // contract §4.1 ETag table: a transaction conflict is Internal, never Aborted
    [InlineData(Redis)]
    [InlineData(InMemory)]
    public async Task AnETagConflictInATransactionIsInternal(string storeType)
    {
        await using var environment = StoreOfType(storeType);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var status = await StatusOf(() => client.ExecuteStateTransactionAsync(
            Store, [Upsert("k", etag: "999999")], cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.StartsWith("error while executing state transaction: ", status.Status.Detail);
    }

    [Fact] // dapr-answers §2: Multi checks every ETag before it writes anything
    public async Task AnInMemoryTransactionWithAConflictAppliesNothing()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        await StatusOf(() => client.ExecuteStateTransactionAsync(
            Store, [Upsert("other"), Upsert("k", etag: "stale")], cancellationToken: Cancellation));

        // In-memory storage lives inside its sidecar, so look through the API, not environment.StateStore.
        Assert.Null(await client.GetStateAsync<string>(Store, "other", cancellationToken: Cancellation));
    }

    [Fact] // dapr-answers §1 Multi: MULTI/EXEC does not roll back a failed script
    public async Task ARedisTransactionWithAConflictStillAppliesItsOtherOperations()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        await StatusOf(() => client.ExecuteStateTransactionAsync(
            Store, [Upsert("other"), Upsert("k", etag: "1")], cancellationToken: Cancellation));

        Assert.Equal("x", await client.GetStateAsync<string>(Store, "other",
            cancellationToken: Cancellation));
    }

    [Fact] // dapr-answers §1 Multi: the pipeline's error is the script's own, not an ETag error
    public async Task ARedisTransactionConflictReportsTheScriptError()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        var status = await StatusOf(() => client.ExecuteStateTransactionAsync(
            Store, [Upsert("k", etag: "1")], cancellationToken: Cancellation));

        Assert.Equal("error while executing state transaction: failed to set key orders||k",
            status.Status.Detail);
    }

    [Fact] // dapr-answers §1 Multi: the script runs without ARGV[3], so the flag is never set
    public async Task ARedisTransactionNeverSetsTheFirstWriteFlag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };
        await client.ExecuteStateTransactionAsync(
            Store, [Upsert("k", options: firstWrite)], cancellationToken: Cancellation);

        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        Assert.Equal("v2", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Fact] // contract §4.1: the SDK only sends upsert and delete, so this goes through the raw stub
    public async Task AnUnknownOperationTypeIsUnimplemented()
    {
        await using var environment = StoreOfType(Redis);
        using var raw = new RawDaprApi(await environment.StartSidecarAsync("orders"));
        var request = new DaprProto.ExecuteStateTransactionRequest
        {
            StoreName = Store,
            Operations = { new DaprProto.TransactionalStateOperation { OperationType = "merge",
                Request = new() { Key = "k" } } },
        };

        var status = await Assert.ThrowsAsync<RpcException>(
            async () => await raw.Api.ExecuteStateTransactionAsync(request, cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Unimplemented, status.StatusCode);
        Assert.Equal("operation type merge not supported", status.Status.Detail);
    }

    private static StateTransactionRequest Upsert(string key, string? etag = null,
        StateOptions? options = null) =>
        new(key, Encoding.UTF8.GetBytes("\"x\""), StateOperationType.Upsert, etag, options: options);
}
