using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Each app id is one consumer group (the component's consumerID defaults to the app id).</summary>
public sealed class ConsumerGroupTests
{
    [Fact]
    public async Task TwoAppsOnOneTopicEachGetEveryMessageOnce()
    {
        await using var environment = Redis();
        var thumbnails = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), appId: "thumbnails");
        var indexing = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), appId: "indexing");
        using var publisher = await PublisherAsync(environment);

        await PublishAsync(publisher, "photos", 5);
        await environment.WhenIdleAsync();

        var thumbnailIds = thumbnails.Deliveries("/photos").Select(r => Json(r.Body).GetProperty("id"));
        Assert.Equal(5, thumbnailIds.Distinct().Count());
        Assert.Equal(5, thumbnails.Deliveries("/photos").Count);
        Assert.Equal(5, indexing.Deliveries("/photos").Count);
    }

    [Fact]
    public async Task ReplicasOfOneAppShareTheMessages()
    {
        await using var environment = Redis();
        var first = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), appId: "worker");
        var second = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), appId: "worker");
        using var publisher = await PublisherAsync(environment);

        await PublishAsync(publisher, "photos", 10);
        await environment.WhenIdleAsync();

        var ids = first.Deliveries("/photos")
            .Concat(second.Deliveries("/photos"))
            .Select(r => Json(r.Body).GetProperty("id").GetString());
        Assert.Equal(10, ids.Count());
        Assert.Equal(10, ids.Distinct().Count());
    }

    // The retry loop runs in the daprd that read the message: every attempt goes to the same replica.
    [Fact]
    public async Task RetriesStayWithTheReplicaThatReadTheMessage()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        var first = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.StatusCode(500)), appId: "worker");
        var second = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.StatusCode(500)), appId: "worker");
        using var publisher = await PublisherAsync(environment);

        await PublishAsync(publisher, "photos", 1);
        await environment.SettledAsync("photos");

        Assert.Equal(
            [0, 3], new[] { first.Deliveries("/photos").Count, second.Deliveries("/photos").Count }.Order());
    }

    // dapr-answers §4: the redis component creates its group at stream id 0, so it reads the backlog.
    [Fact]
    public async Task RedisGroupCreatedAfterPublishingReadsTheEarlierMessages()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);
        await PublishAsync(publisher, "photos", 3);

        var late = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), appId: "late");
        await environment.WhenIdleAsync();

        Assert.Equal(3, late.Deliveries("/photos").Count);
    }

    // Each daprd has its own in-memory broker: a message never reaches another sidecar's app.
    [Fact]
    public async Task InMemoryPubSubDoesNotCrossSidecars()
    {
        await using var environment = InMemory();
        var subscriber = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), appId: "subscriber");
        using var elsewhere = await PublisherAsync(environment);
        using var local = subscriber.Sidecar.CreateDaprClient();

        await elsewhere.PublishEventAsync("pubsub", "photos", new { From = "elsewhere" }, Cancellation);
        await local.PublishEventAsync("pubsub", "photos", new { From = "local" }, Cancellation);
        await environment.SettledAsync("photos");
        await environment.WhenIdleAsync();

        var delivered = Assert.Single(subscriber.Deliveries("/photos"));
        Assert.Equal("local", Json(delivered.Body).GetProperty("data").GetProperty("from").GetString());
    }

    private static async Task PublishAsync(Dapr.Client.DaprClient publisher, string topic, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await publisher.PublishEventAsync("pubsub", topic, new { Id = i }, Cancellation);
        }
    }
}
