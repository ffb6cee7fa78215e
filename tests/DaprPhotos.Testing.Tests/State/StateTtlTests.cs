using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using static DaprPhotos.Testing.Tests.State.StateTestKit;
using DaprProto = Dapr.Client.Autogen.Grpc.v1;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>
/// Contract §4.4, dapr-answers §1 and §2 TTL: per-item <c>ttlInSeconds</c>, store by store.
/// </summary>
public sealed class StateTtlTests
{
    private static readonly Dictionary<string, string> Ttl60 = new() { ["ttlInSeconds"] = "60" };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory] // contract §4.4
    [InlineData(Redis)]
    [InlineData(InMemory)]
    public async Task AnItemIsGoneOnceItsTtlHasPassed(string storeType)
    {
        await using var environment = StoreOfType(storeType, time: _time);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v", metadata: Ttl60, cancellationToken: Cancellation);

        _time.Advance(TimeSpan.FromSeconds(59));
        var before = await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation);
        _time.Advance(TimeSpan.FromSeconds(1));
        var after = await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation);

        Assert.Equal(("v", null), (before, after));
    }

    [Fact] // contract §4.4, dapr-answers §2: GetRespMetaKeyTTLExpireTime in RFC 3339, UTC
    public async Task InMemoryReadsReturnTheExpiryTime()
    {
        await using var environment = StoreOfType(InMemory, time: _time);
        var sidecar = await environment.StartSidecarAsync("orders");
        using var client = sidecar.CreateDaprClient();
        using var raw = new RawDaprApi(sidecar);
        await client.SaveStateAsync(Store, "k", "v", metadata: Ttl60, cancellationToken: Cancellation);

        var response = await raw.Api.GetStateAsync(new DaprProto.GetStateRequest { StoreName = Store,
            Key = "k" }, cancellationToken: Cancellation);

        Assert.Equal("2026-03-01T12:01:00Z", response.Metadata["ttlExpireTime"]);
    }

    [Fact] // dapr-answers §1: getDefault returns only data and version
    public async Task RedisReadsReturnNoExpiryTime()
    {
        await using var environment = StoreOfType(Redis, time: _time);
        var sidecar = await environment.StartSidecarAsync("orders");
        using var client = sidecar.CreateDaprClient();
        using var raw = new RawDaprApi(sidecar);
        await client.SaveStateAsync(Store, "k", "v", metadata: Ttl60, cancellationToken: Cancellation);

        var response = await raw.Api.GetStateAsync(new DaprProto.GetStateRequest { StoreName = Store,
            Key = "k" }, cancellationToken: Cancellation);

        Assert.Empty(response.Metadata);
    }

    [Fact] // dapr-answers §1: neither EXPIRE nor PERSIST runs, and HSET keeps the key's expiry
    public async Task RedisKeepsAnEarlierExpiryWhenALaterSaveHasNoTtl()
    {
        await using var environment = StoreOfType(Redis, time: _time);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", metadata: Ttl60, cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Null(await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Fact] // dapr-answers §2: every save builds a new item, so no TTL means no expiry
    public async Task InMemoryClearsTheExpiryWhenALaterSaveHasNoTtl()
    {
        await using var environment = StoreOfType(InMemory, time: _time);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", metadata: Ttl60, cancellationToken: Cancellation);
        await client.SaveStateAsync(Store, "k", "v2", cancellationToken: Cancellation);

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal("v2", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Theory] // contract §4.4: -1 never expires (redis PERSISTs the key, in-memory drops the TTL)
    [InlineData(Redis)]
    [InlineData(InMemory)]
    public async Task TtlMinusOneMeansNeverExpire(string storeType)
    {
        await using var environment = StoreOfType(storeType, time: _time);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v1", metadata: Ttl60, cancellationToken: Cancellation);
        await client.SaveStateAsync(
            Store,
            "k",
            "v2",
            metadata: new Dictionary<string, string> { ["ttlInSeconds"] = "-1" },
            cancellationToken: Cancellation);

        _time.Advance(TimeSpan.FromDays(365));

        Assert.Equal("v2", await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Fact] // dapr-answers §1: the component's ttlInSeconds applies when the save names none
    public async Task RedisAppliesTheComponentTtlToASaveWithoutOne()
    {
        await using var environment = StoreOfType(Redis, "- name: ttlInSeconds\n  value: \"30\"\n",
            time: _time);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(await client.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation));
    }

    [Fact] // dapr-answers §1 parseTTL: a plain error, so Internal, with daprd's save prefix
    public async Task AMalformedTtlOnRedisIsInternal()
    {
        await using var environment = StoreOfType(Redis, time: _time);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        var metadata = new Dictionary<string, string> { ["ttlInSeconds"] = "soon" };

        var status = await StatusOf(() => client.SaveStateAsync(Store, "k", "v", metadata: metadata,
            cancellationToken: Cancellation));

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.Equal(
            "failed saving state in state store statestore: failed to parse ttl from metadata: "
            + "strconv.ParseInt: parsing \"soon\": invalid syntax",
            status.Status.Detail);
    }
}
