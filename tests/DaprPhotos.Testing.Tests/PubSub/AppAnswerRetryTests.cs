using DaprPhotos.Testing.Diagnostics;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>The rows of contract §3.1 where daprd retries the delivery (retry policy: 2 retries).</summary>
public sealed class AppAnswerRetryTests
{
    // contract §3.1: RETRY goes through the retry policy, then to the dead-letter topic.
    [Fact]
    public async Task RetryStatusIsRetriedThenDeadLettered()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Body(200, """{"status":"RETRY"}"""), "orders-dlq");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        Assert.Equal(3, environment.Attempts("orders").Count);
        var original = await environment.PublishedAsync("orders");
        var deadLetter = await environment.PublishedAsync("orders-dlq");
        Assert.Equal(original.Body, deadLetter.Body);
    }

    // contract §3.1: daprd compares the status case-sensitively; anything it does not know retries.
    [Theory]
    [InlineData("success")]
    [InlineData("OK")]
    public async Task UnknownStatusIsRetried(string status)
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Body(200, $$"""{"status":"{{status}}"}"""));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        Assert.Equal(3, environment.Attempts("orders").Count);
    }

    // contract §3.1 gotcha: a response DTO with a top-level status field makes daprd retry.
    [Fact]
    public async Task ResponseDtoWithAStatusPropertyIsRetried()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(
            environment, "orders", () => Results.Ok(new { PhotoId = "p1", Status = "Indexed" }));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        Assert.Equal(3, environment.Attempts("orders").Count);
    }

    // contract §3.1: every non-2xx code but 404 is retriable.
    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task ErrorStatusCodeIsRetried(int statusCode)
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Results.StatusCode(statusCode));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        Assert.Equal(
            [statusCode, statusCode, statusCode], environment.Attempts("orders").Select(a => a.HttpStatus));
    }
}
