using Dapr.Client;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>
/// dapr-answers §1 (a), (b), (d), (e): how state.redis's Lua script checks an ETag on save.
/// </summary>
public sealed class RedisETagTests
{
    private static readonly StateOptions LastWrite = new() { Concurrency = ConcurrencyMode.LastWrite };

    [Fact] // dapr-answers §1 "ETag of a fresh key"
    public async Task ETagsAreVersionNumbersStartingAtOne()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        var (_, first) = await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);
        var (_, second) = await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation);

        Assert.Equal(("1", "2"), (first, second));
    }

    [Fact] // dapr-answers §1 (a): unlike in-memory, a missing key accepts any ETag
    public async Task SavingWithAnETagOnAMissingKeySucceeds()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var saved = await client.TrySaveStateAsync(Store, "k", "v", "7", cancellationToken: Cancellation);

        Assert.True(saved);
        Assert.Equal("1", (await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation)).etag);
    }

    [Fact] // dapr-answers §1 (b), contract §4.1 ETag table
    public async Task SavingWithAStaleETagIsAbortedAsAPossibleETagMismatch()
    {
        await using var environment = StoreOfType(Redis);
        var sidecar = await environment.StartSidecarAsync("orders");
        using var client = sidecar.CreateDaprClient();
        using var raw = new RawDaprApi(sidecar);
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        var status = await Assert.ThrowsAsync<RpcException>(
            async () => await raw.Api.SaveStateAsync(RawRequests.Save("k", etag: "1"),
                cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Aborted, status.StatusCode);
        Assert.StartsWith(
            "failed saving state in state store statestore: possible etag mismatch. error from state store: ",
            status.Status.Detail);
    }

    [Fact] // dapr-answers §1 (b): "0" parses to the script's "no ETag"
    public async Task SavingWithETagZeroOverwritesLikeNoETag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v2", "0", cancellationToken: Cancellation);

        Assert.True(saved);
    }

    [Fact] // dapr-answers §1 (d): last-write ignores the ETag entirely on redis
    public async Task LastWriteWithAStaleETagOverwrites()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v3", "1", LastWrite,
            cancellationToken: Cancellation);

        Assert.True(saved);
        Assert.Equal("v3", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Fact] // dapr-answers §1 (e), contract §4.1 ETag table
    public async Task ANonIntegerETagIsInvalidArgument()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var status = await StatusOf(() => client.TrySaveStateAsync(Store, "k", "v2", "abc",
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Equal(
            "failed saving state in state store statestore: invalid etag value: "
            + "strconv.Atoi: parsing \"abc\": invalid syntax",
            status.Status.Detail);
    }

    [Fact] // dapr-answers §1 (e): parseETag returns before parsing when the save is last-write
    public async Task ANonIntegerETagIsIgnoredUnderLastWrite()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v2", "abc", LastWrite,
            cancellationToken: Cancellation);

        Assert.True(saved);
    }
}
