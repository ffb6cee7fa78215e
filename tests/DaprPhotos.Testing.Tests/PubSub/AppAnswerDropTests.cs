using DaprPhotos.Testing.Diagnostics;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>The rows of contract §3.1 where daprd drops the message without retrying it.</summary>
public sealed class AppAnswerDropTests
{
    // contract §3.1: DROP is dropped (a warning), never retried.
    [Fact]
    public async Task DropStatusDropsWithoutRetrying()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Body(200, """{"status":"DROP"}"""));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.Dropped, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
    }

    // contract §3.1: the current runtime forwards a DROP to the dead-letter topic when one is set.
    [Fact]
    public async Task DropStatusGoesToTheDeadLetterTopicWhenOneIsSet()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Body(200, """{"status":"DROP"}"""), "orders-dlq");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
        await environment.PublishedAsync("orders-dlq");
    }

    // contract §3.1: 404 is a non-retriable error; the message is dropped.
    [Fact]
    public async Task NotFoundDropsWithoutRetrying()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Results.NotFound());
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.Dropped, settled.Reason);
        Assert.Equal([404], environment.Attempts("orders").Select(attempt => attempt.HttpStatus));
    }

    // contract §3.1: a 404 goes to the dead-letter topic when one is set.
    [Fact]
    public async Task NotFoundGoesToTheDeadLetterTopicWhenOneIsSet()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Results.NotFound(), "orders-dlq");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
        await environment.PublishedAsync("orders-dlq");
    }
}
