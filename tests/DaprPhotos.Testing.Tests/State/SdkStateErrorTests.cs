using Dapr;
using Dapr.Client;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>Contract §4.2: the SDK turns only Aborted with an ETag into false; all else throws.</summary>
public sealed class SdkStateErrorTests
{
    [Fact] // contract §4.2
    public async Task TrySaveReturnsFalseOnAStaleETag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v3", "1", cancellationToken: Cancellation);

        Assert.False(saved);
    }

    [Fact] // contract §4.2: InvalidArgument is not a conflict, so TrySave throws
    public async Task TrySaveThrowsOnAMalformedETag()
    {
        await using var environment = StoreOfType(Redis);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var exception = await Assert.ThrowsAsync<DaprException>(
            () => client.TrySaveStateAsync(Store, "k", "v2", "abc", cancellationToken: Cancellation));

        Assert.Equal(StatusCode.InvalidArgument,
            Assert.IsType<RpcException>(exception.InnerException).StatusCode);
    }

    [Fact] // contract §4.2: Aborted without an ETag (in-memory first-write) is a DaprException, not false
    public async Task SaveThrowsOnAbortedWhenNoETagWasSent()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };

        var status = await StatusOf(() => client.SaveStateAsync(Store, "k", "v2", firstWrite,
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Aborted, status.StatusCode);
    }

    [Fact] // contract §4.2
    public async Task TryDeleteReturnsFalseOnAStaleETag()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var deleted = await client.TryDeleteStateAsync(Store, "k", Guid.NewGuid().ToString(),
            cancellationToken: Cancellation);

        Assert.False(deleted);
    }
}
