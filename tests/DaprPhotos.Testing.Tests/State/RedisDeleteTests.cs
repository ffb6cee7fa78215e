using Dapr.Client;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>
/// dapr-answers §1 (f): state.redis deletes with delDefaultQuery, which never parses the ETag.
/// </summary>
public sealed class RedisDeleteTests
{
    [Fact] // dapr-answers §1 (f)
    public async Task DeletingAMissingKeyWithAnETagSucceeds()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var deleted = await client.TryDeleteStateAsync(Store, "missing", "3",
            cancellationToken: Cancellation);

        Assert.True(deleted);
    }

    [Fact] // dapr-answers §1 (f), contract §4.1 ETag table
    public async Task DeletingWithAStaleETagIsAbortedWithTheKeyInTheMessage()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders");
        using var client = sidecar.CreateDaprClient();
        using var raw = new RawDaprApi(sidecar);
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        var status = await Assert.ThrowsAsync<RpcException>(async () => await raw.Api.DeleteStateAsync(
            new() { StoreName = Store, Key = "k",
                Etag = new() { Value = "1" } }, cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Aborted, status.StatusCode);
        Assert.StartsWith("failed deleting state with key k: possible etag mismatch. ", status.Status.Detail);
    }

    [Fact] // dapr-answers §1 (e), (f): a malformed ETag on delete is a mismatch, never InvalidArgument
    public async Task DeletingWithANonIntegerETagIsAMismatch()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var deleted = await client.TryDeleteStateAsync(Store, "k", "abc", cancellationToken: Cancellation);

        Assert.False(deleted);
    }

    [Fact] // dapr-answers §1 (f): no ETag becomes "0", which always deletes, first-write flag or not
    public async Task DeletingWithoutETagAlwaysDeletes()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };
        await client.SaveStateAsync(Store, "k", "v1", firstWrite, cancellationToken: Cancellation);

        await client.DeleteStateAsync(Store, "k", firstWrite, cancellationToken: Cancellation);

        Assert.Empty(environment.StateStore(Store).Keys);
    }

    [Fact] // contract §4.1 ETag table, dapr-answers §1 DeleteBulkState
    public async Task BulkDeleteWithAStaleETagIsAbortedNamingTheStore()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        var status = await StatusOf(() => client.DeleteBulkStateAsync(
            Store, [new BulkDeleteStateItem("k", "1")], Cancellation));

        Assert.Equal(StatusCode.Aborted, status.StatusCode);
        Assert.StartsWith("failed deleting state in state store statestore: ", status.Status.Detail);
    }
}
