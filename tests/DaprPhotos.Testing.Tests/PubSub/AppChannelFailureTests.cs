using DaprPhotos.Testing.Diagnostics;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Contract §3.1, last row: when the app cannot answer, daprd treats it as retriable.</summary>
public sealed class AppChannelFailureTests
{
    // contract §3.1 + dapr-answers §3: the inbound timeout cancels each attempt, which is retried.
    [Fact]
    public async Task AttemptThatOutlastsTheTimeoutPolicyIsRetried()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(
            RetryTwice, extraPolicies: "timeouts:\n  general: 1s", inboundExtra: "timeout: general"));
        var subscriber = await SubscribeAsync(environment, "orders", async context =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        });
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        var attempts = environment.Attempts("orders");
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, attempt => Assert.Null(attempt.HttpStatus));
        Assert.Equal(3, subscriber.Deliveries("/orders").Count);
    }

    // contract §3.1: a connection error (the app has gone away) is retriable.
    [Fact]
    public async Task AppThatIsGoneIsRetried()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(RetryTwice));
        var subscriber = await SubscribeAsync(environment, "orders", () => Results.Ok());
        using var publisher = await PublisherAsync(environment);
        await subscriber.DisposeAsync();

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        var attempts = environment.Attempts("orders");
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, attempt => Assert.Null(attempt.HttpStatus));
    }
}
