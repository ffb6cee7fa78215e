using DaprPhotos.Testing.Diagnostics;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>The rows of contract §3.1 where daprd counts the app's answer as success.</summary>
public sealed class AppAnswerSuccessTests
{
    // contract §3.1: 2xx with an empty body is SUCCESS.
    [Fact]
    public async Task EmptySuccessAnswerAcknowledgesTheMessage()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Results.NoContent());
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
    }

    // contract §3.1: a 2xx body that is not a {"status": …} object skips the status check.
    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("not json {")]
    public async Task SuccessAnswerWithABodyThatIsNotAStatusObjectAcknowledgesTheMessage(string body)
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Body(200, body));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
    }

    // contract §3.1: SUCCESS, an object without status, or an empty status are all success.
    [Theory]
    [InlineData("""{"status":"SUCCESS"}""")]
    [InlineData("""{"photoId":"p1"}""")]
    [InlineData("""{"status":""}""")]
    public async Task SuccessStatusOrNoStatusAcknowledgesTheMessage(string body)
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        await SubscribeAsync(environment, "orders", () => Body(200, body));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
    }
}
