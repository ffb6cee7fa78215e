using DaprPhotos.Testing.Diagnostics;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>
/// Contract §3.2 and dapr-answers §3: the inbound resiliency policy around each delivery.
/// </summary>
public sealed class InboundRetryPolicyTests
{
    // dapr-answers §3: there is no built-in pubsub retry; without a policy daprd tries once.
    [Fact]
    public async Task WithoutResiliencyAFailedDeliveryIsAttemptedExactlyOnce()
    {
        await using var environment = Redis();
        await SubscribeAsync(environment, "orders", () => Results.StatusCode(500));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
    }

    // dapr-answers §3: maxRetries N means N + 1 attempts, then the dead-letter topic.
    [Fact]
    public async Task MaxRetriesBoundsTheAttemptsBeforeTheDeadLetterTopic()
    {
        await using var environment = Redis(
            Support.Resources.InboundRetry("policy: constant\nduration: 1s\nmaxRetries: 4"));
        await SubscribeAsync(environment, "orders", () => Results.StatusCode(500), "orders-dlq");
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        Assert.Equal([1, 2, 3, 4, 5], environment.Attempts("orders").Select(attempt => attempt.Attempt));
        await environment.PublishedAsync("orders-dlq");
    }

    // dapr-answers §3: a code outside matching.httpStatusCodes is permanent; retrying stops at once.
    [Fact]
    public async Task StatusCodeOutsideTheMatchingListStopsAfterOneAttempt()
    {
        await using var environment = Redis(
            Support.Resources.InboundRetry(RetryTwice + "\nmatching:\n  httpStatusCodes: \"500-599\""));
        await SubscribeAsync(environment, "orders", () => Results.StatusCode(400));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        Assert.Single(environment.Attempts("orders"));
    }

    // dapr-answers §3: a code inside matching.httpStatusCodes is retried as usual.
    [Fact]
    public async Task StatusCodeInsideTheMatchingListIsRetried()
    {
        await using var environment = Redis(
            Support.Resources.InboundRetry(RetryTwice + "\nmatching:\n  httpStatusCodes: \"500-599\""));
        await SubscribeAsync(environment, "orders", () => Results.StatusCode(503));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        await environment.SettledAsync("orders");
        Assert.Equal(3, environment.Attempts("orders").Count);
    }

    // dapr-answers §3: a RETRY body is not a code error, so matching never stops it.
    [Fact]
    public async Task RetryStatusIsRetriedWhateverTheMatchingList()
    {
        await using var environment = Redis(
            Support.Resources.InboundRetry(RetryTwice + "\nmatching:\n  httpStatusCodes: \"500-599\""));
        await SubscribeAsync(environment, "orders", () => Body(200, """{"status":"RETRY"}"""));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        await environment.SettledAsync("orders");
        Assert.Equal(3, environment.Attempts("orders").Count);
    }

    // dapr-answers §3: the breaker counts every attempt; once open it rejects and retrying stops.
    [Fact]
    public async Task OpenCircuitBreakerStopsRetrying()
    {
        await using var environment = Redis(Support.Resources.InboundRetry(
            "policy: constant\nduration: 1s\nmaxRetries: 10",
            extraPolicies: "circuitBreakers:\n  inboundBreaker:\n"
                + "    trip: consecutiveFailures > 2\n    timeout: 1h",
            inboundExtra: "circuitBreaker: inboundBreaker"));
        var subscriber = await SubscribeAsync(environment, "orders", () => Results.StatusCode(500));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.ReturnedToBroker, settled.Reason);
        Assert.Equal(3, subscriber.Deliveries("/orders").Count);
        Assert.Equal(3, environment.Attempts("orders").Count);
    }
}
