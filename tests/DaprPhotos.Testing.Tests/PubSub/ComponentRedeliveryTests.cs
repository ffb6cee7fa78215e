using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>
/// Contract §3.2 and dapr-answers §4: with no dead-letter topic a failed delivery goes back to the
/// component, and the component decides. redis acknowledges it since components-contrib 1.17.
/// </summary>
public sealed class ComponentRedeliveryTests
{
    // dapr-answers §4: redis XACKs a failed message, so after the retries it is gone.
    [Fact]
    public async Task RedisForgetsAMessageWhoseRetriesRanOut()
    {
        // A clock that never moves: the delivery can never outlast processingTimeout.
        await using var environment = Redis(
            new FakeTimeProvider(), Support.Resources.InboundRetry("duration: 0s\nmaxRetries: 2"));
        await SubscribeAsync(environment, "orders", () => Results.StatusCode(500));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);
        await environment.SettledAsync("orders");
        await environment.WhenIdleAsync();

        Assert.Equal(3, environment.Attempts("orders").Count);
        var settled = Assert.Single(environment.Messages.Where(message => message is MessageSettled));
        Assert.Equal(SettleReason.ReturnedToBroker, ((MessageSettled)settled).Reason);
    }

    // dapr-answers §4: a delivery that outlasted processingTimeout is left pending and reclaimed.
    [Fact]
    public async Task RedisRedeliversAMessageWhoseDeliveryOutlastedTheProcessingTimeout()
    {
        await using var environment = new DaprTestEnvironment(Support.Resources.Load(
            Support.Resources.RedisPubSub(metadata: "- name: processingTimeout\n  value: \"2s\"\n"),
            Support.Resources.InboundRetry("policy: constant\nduration: 1s\nmaxRetries: 2")));
        var calls = 0;
        await SubscribeAsync(environment, "orders", _ =>
            Task.FromResult(Interlocked.Increment(ref calls) <= 3 ? Results.StatusCode(500) : Results.Ok()));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var acknowledged = await environment.WaitForAsync<MessageSettled>(
            settled => settled.Reason == SettleReason.Acknowledged,
            "the redelivered message to be acknowledged");
        var first = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, first.Reason);
        Assert.Equal(acknowledged.CloudEventId, first.CloudEventId);
        Assert.Equal(4, environment.Attempts("orders").Count);
    }

    // contract §3.2: the in-memory component only logs the error; the message is lost.
    [Fact]
    public async Task InMemoryPubSubLosesAFailedMessage()
    {
        await using var environment = InMemory(Support.Resources.InboundRetry(RetryTwice));
        var subscriber = await SubscribeAsync(environment, "orders", () => Results.StatusCode(500));

        await subscriber.Sidecar.CreateDaprClient().PublishEventAsync(
            "pubsub", "orders", new { Id = 1 }, Cancellation);
        await environment.SettledAsync("orders");
        await environment.WhenIdleAsync();

        Assert.Equal(3, subscriber.Deliveries("/orders").Count);
        Assert.Single(environment.Messages.Where(message => message is MessageSettled));
    }
}
