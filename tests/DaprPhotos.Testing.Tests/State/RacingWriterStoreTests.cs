using DaprPhotos.Testing.State;
using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>What the racing writer's save (StateStoreModel.Touch) leaves in a store.</summary>
public sealed class RacingWriterStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact] // contract §4.1 General ETag rules: redis ETags count up; the value stays as it was
    public void ATouchAdvancesTheETagAndKeepsTheValue()
    {
        var store = new RedisStateStore(_time);
        store.Apply(Save("k"));

        var touched = store.Touch("k", () => true);

        var read = store.Get("k")!;
        Assert.Equal((true, "2", "\"v\""), (touched, read.ETag, read.Value.ToStringUtf8()));
    }

    [Fact] // contract §4.4: the other writer does not lengthen or drop the key's TTL
    public void ATouchedRedisKeyStillExpiresOnTime()
    {
        var store = new RedisStateStore(_time);
        store.Apply(Save("k", ttl: "60"));

        store.Touch("k", () => true);
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Null(store.Get("k"));
    }

    [Fact] // contract §4.4: in-memory reads report ttlExpireTime, which the touch leaves alone
    public void ATouchedInMemoryKeyKeepsItsExpiryTime()
    {
        var store = new InMemoryStateStore(_time);
        store.Apply(Save("k", ttl: "60"));
        var before = store.Get("k")!;

        _time.Advance(TimeSpan.FromSeconds(10));
        store.Touch("k", () => true);

        var after = store.Get("k")!;
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(before.Metadata["ttlExpireTime"], after.Metadata["ttlExpireTime"]);
    }

    [Fact] // contract §4.1 redis: first-write without an ETag fails on a key written first-write
    public void ATouchedRedisKeyKeepsItsFirstWriteFlag()
    {
        var store = new RedisStateStore(_time);
        store.Apply(Save("k", WriteConcurrency.FirstWrite));

        store.Touch("k", () => true);

        Assert.Throws<StateStoreException>(() => store.Apply(Save("k", WriteConcurrency.FirstWrite)));
    }

    [Fact] // missing keys are never raced, so a rule's times are not spent on them
    public void AMissingKeyIsNotTouchedAndTheRuleIsNotAsked()
    {
        var store = new RedisStateStore(_time);

        var touched = store.Touch("missing", () => throw new InvalidOperationException("asked"));

        Assert.False(touched);
        Assert.Empty(store.Keys);
    }

    private static StateUpsert Save(
        string key, WriteConcurrency concurrency = WriteConcurrency.Unspecified, string? ttl = null) =>
        new(key, ByteString.CopyFromUtf8("\"v\""), null, concurrency, ttl);
}
