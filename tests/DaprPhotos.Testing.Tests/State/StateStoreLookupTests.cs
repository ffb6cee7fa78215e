using Dapr.Client;
using DaprPhotos.Testing.Hosting;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;
using TestResources = DaprPhotos.Testing.Tests.Support.Resources;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>Contract §4.1, common rules: which store a call reaches and which keys it may use.</summary>
public sealed class StateStoreLookupTests
{
    [Fact] // contract §4.1, dapr-answers §9
    public async Task AnAppWithNoStateStoreGetsFailedPreconditionNotConfigured()
    {
        await using var environment = new DaprTestEnvironment(
            TestResources.Load(TestResources.RedisPubSub()));
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var status = await StatusOf(() => client.GetStateAsync<string>(Store, "k",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.FailedPrecondition, status.StatusCode);
        Assert.Equal("state store statestore is not configured", status.Status.Detail);
    }

    [Fact] // contract §4.1: a typo in a store name must fail the test that makes it
    public async Task AMisspelledStoreNameGetsInvalidArgumentNotFound()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var status = await StatusOf(() => client.SaveStateAsync("statestor", "k", "v",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Equal("state store statestor is not found", status.Status.Detail);
    }

    [Fact] // dapr-answers §9: daprd never loads a component whose scopes leave the app out
    public async Task AStoreScopedToOtherAppsIsNotFound()
    {
        await using var environment = new DaprTestEnvironment(TestResources.Load(
            TestResources.RedisState("statestore"),
            TestResources.RedisState("private", scopes: "- billing")));
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var status = await StatusOf(() => client.GetStateAsync<string>("private", "k",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Equal("state store private is not found", status.Status.Detail);
    }

    [Theory] // contract §4.1, dapr-answers §7
    [InlineData("GetState")]
    [InlineData("GetBulkState")]
    [InlineData("SaveState")]
    [InlineData("DeleteState")]
    [InlineData("DeleteBulkState")]
    [InlineData("ExecuteStateTransaction")]
    public async Task AKeyContainingTheSeparatorIsInvalidArgument(string method)
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var status = await StatusOf(() => Call(client, method, "a||b"));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Equal("input key/keyPrefix 'a||b' can't contain '||'", status.Status.Detail);
        Assert.Empty(environment.StateStore(Store).Keys);
    }

    [Fact] // dapr-answers §7: only SaveState checks for an empty key (the SDK refuses to send one)
    public async Task SavingAnEmptyKeyIsInvalidArgument()
    {
        await using var environment = StoreOfType(Redis);
        using var raw = new RawDaprApi(await environment.StartSidecarAsync("orders"));
        var request = new DaprProto.SaveStateRequest { StoreName = Store,
            States = { new DaprProto.StateItem() } };

        var status = await Assert.ThrowsAsync<RpcException>(
            async () => await raw.Api.SaveStateAsync(request, cancellationToken: Cancellation));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Equal("state key cannot be empty", status.Status.Detail);
    }

    private static Task Call(DaprClient client, string method, string key) => method switch
    {
        "GetState" => client.GetStateAsync<string>(Store, key, cancellationToken: Cancellation),
        "GetBulkState" => client.GetBulkStateAsync(Store, ["ok", key], 0, cancellationToken: Cancellation),
        "SaveState" => client.SaveStateAsync(Store, key, "v", cancellationToken: Cancellation),
        "DeleteState" => client.DeleteStateAsync(Store, key, cancellationToken: Cancellation),
        "DeleteBulkState" => client.DeleteBulkStateAsync(
            Store, [new BulkDeleteStateItem("ok", ""), new BulkDeleteStateItem(key, "")], Cancellation),
        "ExecuteStateTransaction" => client.ExecuteStateTransactionAsync(
            Store,
            [
                new StateTransactionRequest("ok", [1], StateOperationType.Upsert),
                new StateTransactionRequest(key, [1], StateOperationType.Upsert),
            ],
            cancellationToken: Cancellation),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}
