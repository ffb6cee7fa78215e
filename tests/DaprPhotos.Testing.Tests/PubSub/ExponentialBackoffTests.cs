using DaprPhotos.Testing.Hosting;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>
/// dapr-answers §3: exponential retries start at 500 ms and grow 1.5x, with ±50 % jitter.
/// </summary>
public sealed class ExponentialBackoffTests
{
    // dapr-answers §3 (retry spec defaults): the waits the sidecar asks its clock for are the backoff.
    [Fact]
    public async Task ExponentialPolicyWaitsLongerBeforeEachRetry()
    {
        var time = new DelayRecordingTimeProvider();
        await using var environment = Redis(
            time, Support.Resources.InboundRetry("policy: exponential\nmaxRetries: 5"));
        await SubscribeAsync(environment, "orders", () => Results.StatusCode(500));
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        await environment.SettledAsync("orders");
        var delays = time.Delays;
        Assert.True(delays.Count == 5, string.Join(", ", delays));
        for (var retry = 0; retry < delays.Count; retry++)
        {
            var nominal = 500 * Math.Pow(1.5, retry);
            Assert.InRange(delays[retry].TotalMilliseconds, nominal * 0.5, nominal * 1.5);
        }

        Assert.True(
            delays[^1] > delays[0], $"the last wait {delays[^1]} should outgrow the first {delays[0]}");
    }

    /// <summary>A fast clock that remembers every finite wait it is asked to time.</summary>
    private sealed class DelayRecordingTimeProvider : TimeProvider
    {
        private readonly AcceleratedTimeProvider _clock = new(1000);
        private readonly List<TimeSpan> _delays = [];

        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_delays)
                {
                    return [.. _delays];
                }
            }
        }

        public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

        public override long GetTimestamp() => _clock.GetTimestamp();

        public override ITimer CreateTimer(
            TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (_delays)
                {
                    _delays.Add(dueTime);
                }
            }

            return _clock.CreateTimer(callback, state, dueTime, period);
        }
    }
}
