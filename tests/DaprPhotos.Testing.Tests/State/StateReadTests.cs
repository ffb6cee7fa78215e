using static DaprPhotos.Testing.Tests.State.StateTestKit;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>Contract §4.1 GetState and GetBulkState: a missing key is not an error.</summary>
public sealed class StateReadTests
{
    [Fact] // contract §4.1 GetState
    public async Task GettingAMissingKeyAnswersEmptyDataAndAnEmptyETag()
    {
        await using var environment = StoreOfType(Redis);
        using var raw = new RawDaprApi(await environment.StartSidecarAsync("orders"));

        var response = await raw.Api.GetStateAsync(
            new DaprProto.GetStateRequest { StoreName = Store,
                Key = "missing" }, cancellationToken: Cancellation);

        Assert.True(response.Data.IsEmpty);
        Assert.Equal("", response.Etag);
    }

    [Fact] // contract §4.1 GetState, §4.2
    public async Task TheSdkReadsAMissingKeyAsDefaultAndAnEmptyETag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var (value, etag) = await client.GetStateAndETagAsync<Order>(Store, "missing",
            cancellationToken: Cancellation);

        Assert.Null(value);
        Assert.Equal("", etag);
    }

    [Fact] // contract §4.1 GetBulkState, dapr-answers §8
    public async Task BulkGetKeepsTheRequestOrderAndAnswersMissingKeysEmpty()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders");
        using var client = sidecar.CreateDaprClient();
        using var raw = new RawDaprApi(sidecar);
        await client.SaveStateAsync(Store, "a", "A", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "c", "C", cancellationToken: Cancellation);

        var response = await raw.Api.GetBulkStateAsync(
            new DaprProto.GetBulkStateRequest { StoreName = Store, Keys = { "c", "missing", "a", "c" } },
            cancellationToken: Cancellation);

        Assert.Equal(["c", "missing", "a", "c"], response.Items.Select(item => item.Key));
        Assert.Equal(["\"C\"", "", "\"A\"", "\"C\""],
            response.Items.Select(item => item.Data.ToStringUtf8()));
        Assert.Equal(["1", "", "1", "1"], response.Items.Select(item => item.Etag));
    }

    [Fact] // contract §4.3: returned keys have the prefix removed
    public async Task BulkGetReturnsKeysWithoutTheAppPrefix()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "a", "A", cancellationToken: Cancellation);

        var items = await client.GetBulkStateAsync(Store, ["a"], 0, cancellationToken: Cancellation);

        Assert.Equal(["orders||a"], environment.StateStore(Store).Keys);
        Assert.Equal("a", Assert.Single(items).Key);
    }

    [Fact] // contract §4.1 GetBulkState: no keys means an empty response (the SDK refuses to send none)
    public async Task BulkGetOfNoKeysAnswersNoItems()
    {
        await using var environment = StoreOfType(Redis);
        using var raw = new RawDaprApi(await environment.StartSidecarAsync("orders"));

        var response = await raw.Api.GetBulkStateAsync(
            new DaprProto.GetBulkStateRequest { StoreName = Store }, cancellationToken: Cancellation);

        Assert.Empty(response.Items);
    }

    [Fact] // contract §4.1 SaveState: values are stored as sent
    public async Task AValueIsReadBackByteForByte()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        byte[] bytes = [0, 1, 2, 255];

        await client.SaveByteStateAsync(Store, "bytes", bytes, cancellationToken: Cancellation);
        var read = await client.GetByteStateAsync(Store, "bytes", cancellationToken: Cancellation);

        Assert.Equal(bytes, read.ToArray());
    }

    private sealed record Order(int Id);
}
