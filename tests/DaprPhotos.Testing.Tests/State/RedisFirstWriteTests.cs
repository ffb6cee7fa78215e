using Dapr.Client;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>
/// dapr-answers §1 (c), (d): on state.redis first-write is not create-only. It only refuses a key
/// that was itself saved first-write, and that flag sticks to the key until it is deleted.
/// </summary>
public sealed class RedisFirstWriteTests
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };
    private static readonly StateOptions LastWrite = new() { Concurrency = ConcurrencyMode.LastWrite };

    [Fact] // dapr-answers §1 (c): no first-write flag on the key, so the script overwrites it
    public async Task FirstWriteWithoutETagOverwritesAKeyNeverSavedFirstWrite()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        await client.SaveStateAsync(Store, "k", "v2", FirstWrite, cancellationToken: Cancellation);

        Assert.Equal("v2", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Fact] // dapr-answers §1 (c): a plain error, not an ETag error, because no ETag was sent
    public async Task FirstWriteWithoutETagOnAKeySavedFirstWriteIsInternalNotAborted()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", FirstWrite, cancellationToken: Cancellation);

        var status = await StatusOf(() => client.SaveStateAsync(Store, "k", "v2", FirstWrite,
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.StartsWith("failed saving state in state store statestore: failed to set key orders||k",
            status.Status.Detail);
    }

    [Fact] // dapr-answers §1 (c): the flag is sticky, so even a later last-write save needs the ETag
    public async Task AKeySavedFirstWriteRefusesALastWriteSaveWithoutETag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", FirstWrite, cancellationToken: Cancellation);

        var status = await StatusOf(() => client.SaveStateAsync(Store, "k", "v2", LastWrite,
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
    }

    [Fact] // dapr-answers §1 (c), (d): last-write forces the script's version to 0, which the flag refuses
    public async Task AKeySavedFirstWriteRefusesALastWriteSaveWithItsETagAsAborted()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", FirstWrite, cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v2", "1", LastWrite,
            cancellationToken: Cancellation);

        Assert.False(saved);
    }

    [Fact] // dapr-answers §1 (c): the right ETag still passes the script
    public async Task AKeySavedFirstWriteAcceptsItsCurrentETag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", FirstWrite, cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v2", "1", FirstWrite,
            cancellationToken: Cancellation);

        Assert.True(saved);
    }

    [Fact] // dapr-answers §1 (c), (f): only DEL removes the flag
    public async Task DeletingAKeyClearsItsFirstWriteFlag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", FirstWrite, cancellationToken: Cancellation);
        await client.DeleteStateAsync(Store, "k", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        await client.SaveStateAsync(Store, "k", "v3", cancellationToken: Cancellation);

        Assert.Equal("v3", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }
}
