using Dapr.Client;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>
/// dapr-answers §2: state.in-memory checks every non-empty ETag (last-write too), treats a missing
/// key with an ETag as a mismatch and makes first-write create-only. Where redis differs, it says so.
/// </summary>
public sealed class InMemoryETagTests
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };
    private static readonly StateOptions LastWrite = new() { Concurrency = ConcurrencyMode.LastWrite };

    [Fact] // dapr-answers §2: uuid.New() on every write
    public async Task ETagsAreNewUuidsOnEveryWrite()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        var (_, first) = await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);
        var (_, second) = await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation);

        Assert.True(Guid.TryParse(first, out _) && Guid.TryParse(second, out _), $"{first} / {second}");
        Assert.NotEqual(first, second);
    }

    [Fact] // dapr-answers §2; redis accepts this (RedisETagTests)
    public async Task SavingWithAnETagOnAMissingKeyIsAMismatch()
    {
        await using var environment = StoreOfType(InMemory);
        using var raw = new RawDaprApi(await environment.StartSidecarAsync("orders"));

        var status = await Assert.ThrowsAsync<RpcException>(
            async () => await raw.Api.SaveStateAsync(RawRequests.Save("k", etag: "7"),
                cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Aborted, status.StatusCode);
        Assert.Equal(
            "failed saving state in state store statestore: possible etag mismatch. "
            + "error from state store: state not exist or expired for key=orders||k",
            status.Status.Detail);
    }

    [Fact] // dapr-answers §2: first-write without an ETag is create-only; redis overwrites
    public async Task FirstWriteWithoutETagOnAnExistingKeyIsAborted()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var status = await StatusOf(() => client.SaveStateAsync(Store, "k", "v2", FirstWrite,
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Aborted, status.StatusCode);
        Assert.EndsWith("item already exists and no etag was passed", status.Status.Detail);
    }

    // dapr-answers §2: doValidateEtag ignores the concurrency once an ETag is present
    // (redis ignores the ETag instead)
    [Fact]
    public async Task LastWriteWithAStaleETagIsStillAMismatch()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);
        var (_, stale) = await client.GetStateAndETagAsync<string>(Store, "k",
            cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v3", stale, LastWrite,
            cancellationToken: Cancellation);

        Assert.False(saved);
    }

    [Fact] // dapr-answers §2: in-memory never answers ETagInvalid; redis answers InvalidArgument
    public async Task ANonUuidETagIsAMismatchNotInvalid()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v2", "abc", cancellationToken: Cancellation);

        Assert.False(saved);
    }

    [Fact] // dapr-answers §2: an empty-string ETag counts as no ETag
    public async Task AnEmptyETagOverwritesLikeNoETag()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var saved = await client.TrySaveStateAsync(Store, "k", "v2", "", cancellationToken: Cancellation);

        Assert.True(saved);
    }

    [Fact] // dapr-answers §2: the delete check is the same function as the save check
    public async Task FirstWriteDeleteWithoutETagOfAnExistingKeyIsAborted()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", cancellationToken: Cancellation);

        var status = await StatusOf(() => client.DeleteStateAsync(Store, "k", FirstWrite,
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Aborted, status.StatusCode);
        Assert.StartsWith("failed deleting state with key k: possible etag mismatch. ", status.Status.Detail);
    }

    [Fact] // dapr-answers §2
    public async Task DeletingAMissingKeyWithoutETagSucceeds()
    {
        await using var environment = StoreOfType(InMemory);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        var deleting = client.DeleteStateAsync(Store, "missing", cancellationToken: Cancellation);

        await deleting;
        Assert.True(deleting.IsCompletedSuccessfully);
    }
}
