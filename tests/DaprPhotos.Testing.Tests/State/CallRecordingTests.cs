using static DaprPhotos.Testing.Tests.State.StateTestKit;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>env.Calls: one entry per round-trip, so a test can count what a step costs.</summary>
public sealed class CallRecordingTests
{
    [Fact]
    public async Task ABulkGetOfThreeKeysIsRecordedAsOneCall()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        await client.GetBulkStateAsync(Store, ["a", "b", "c"], 0, cancellationToken: Cancellation);

        var call = Assert.Single(environment.Calls.Snapshot());
        var expectedBytes = new DaprProto.GetBulkStateRequest { StoreName = Store, Keys = { "a", "b", "c" } }
            .CalculateSize();
        Assert.Equal(
            ("orders", "GetBulkState", Store, "a,b,c", expectedBytes),
            (call.AppId, call.Method, call.Component, call.Target, call.RequestBytes));
    }

    [Fact]
    public async Task EveryStateCallIsRecordedWithItsAppMethodAndKey()
    {
        await using var environment = StoreOfType(Redis);
        using var orders = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        using var billing = (await environment.StartSidecarAsync("billing")).CreateDaprClient();

        await orders.SaveStateAsync(Store, "k1", "v", cancellationToken: Cancellation);
        await billing.GetStateAsync<string>(Store, "k2", cancellationToken: Cancellation);
        await orders.DeleteStateAsync(Store, "k1", cancellationToken: Cancellation);

        Assert.Equal(
            [("orders", "SaveState", "k1"), ("billing", "GetState", "k2"), ("orders", "DeleteState", "k1")],
            environment.Calls.Snapshot().Select(call => (call.AppId, call.Method, call.Target)));
    }
}
