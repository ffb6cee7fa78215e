using Dapr;
using DaprPhotos.Testing.Diagnostics;
using Grpc.Core;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Injected broker failures on publish, as daprd reports them (contract §5).</summary>
public sealed class PublishFaultTests
{
    // contract §5: a broker failure with no outbound policy is Internal
    // "error when publishing to topic …".
    [Fact]
    public async Task BrokerFailureWithoutResiliencyFailsThePublish()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);
        environment.Faults.FailPublish(times: 2);

        var error = await Assert.ThrowsAsync<DaprException>(
            () => publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation));

        var rpc = Assert.IsType<RpcException>(error.InnerException);
        Assert.Equal(StatusCode.Internal, rpc.StatusCode);
        Assert.StartsWith("error when publishing to topic orders in pubsub pubsub", rpc.Status.Detail);
        Assert.Empty(environment.Messages.Where(message => message is MessagePublished));
    }

    // contract §3.4: the outbound policy retries the broker call, so two failures are absorbed.
    [Fact]
    public async Task OutboundRetryPolicyAbsorbsBrokerFailures()
    {
        await using var environment = Redis(OutboundRetry("policy: constant\nduration: 1s\nmaxRetries: 3"));
        using var publisher = await PublisherAsync(environment);
        var fault = environment.Faults.FailPublish(times: 2);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        Assert.Equal(2, fault.Injected);
        await environment.PublishedAsync("orders");
    }

    // The fault source is seeded, so a probability gives the same mix of failures on every run.
    [Fact]
    public async Task ProbabilisticBrokerFailureFailsSomePublishesButNotAll()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);
        environment.Faults.FailPublish(probability: 0.5);
        var failures = 0;

        for (var i = 0; i < 50; i++)
        {
            try
            {
                await publisher.PublishEventAsync("pubsub", "orders", new { Id = i }, Cancellation);
            }
            catch (DaprException)
            {
                failures++;
            }
        }

        Assert.InRange(failures, 1, 49);
        Assert.Equal(50 - failures, environment.Messages.Count(message => message is MessagePublished));
    }
}
