using System.Diagnostics;
using System.Text;
using DaprPhotos.Testing.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>
/// Contract §2.1–§2.3: publish metadata daprd acts on (rawPayload, ttlInSeconds, trace context).
/// </summary>
public sealed class PublishMetadataTests
{
    // contract §2.1: rawPayload=true puts the bytes on the broker unwrapped.
    [Fact]
    public async Task RawPayloadPublishPutsTheBytesOnTheBrokerUnwrapped()
    {
        await using var environment = Redis();
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishByteEventAsync(
            "pubsub", "photos", Encoding.UTF8.GetBytes("raw bytes"), "text/plain",
            new() { ["rawPayload"] = "true" }, Cancellation);

        Assert.Equal("raw bytes", (await environment.PublishedAsync("photos")).BodyText);
    }

    // contract §2.2: a rawPayload subscriber gets daprd's own wrapper, the bytes in data_base64.
    [Fact]
    public async Task RawPayloadSubscriberGetsDaprdsWrapper()
    {
        await using var environment = Redis();
        var subscriber = await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), rawPayload: true);
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishByteEventAsync(
            "pubsub", "photos", Encoding.UTF8.GetBytes("raw bytes"), "text/plain",
            new() { ["rawPayload"] = "true" }, Cancellation);
        await environment.SettledAsync("photos");

        var wrapper = Json(Assert.Single(subscriber.Deliveries("/photos")).Body);
        Assert.Equal(
            Convert.ToBase64String(Encoding.UTF8.GetBytes("raw bytes")),
            wrapper.GetProperty("data_base64").GetString());
        Assert.Equal("application/octet-stream", wrapper.GetProperty("datacontenttype").GetString());
        Assert.Equal("Dapr", wrapper.GetProperty("source").GetString());
        Assert.Equal("photos", wrapper.GetProperty("topic").GetString());
    }

    // contract §2.1: ttlInSeconds becomes an RFC3339 UTC expiration (redis has no native TTL).
    [Fact]
    public async Task TtlBecomesAnExpiration()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var environment = Redis(time);
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync(
            "pubsub", "photos", new { Id = 1 }, new() { ["ttlInSeconds"] = "90" }, Cancellation);

        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        Assert.Equal("2026-03-01T12:01:30Z", envelope.GetProperty("expiration").GetString());
    }

    // contract §2.3: an expired event is dropped, never POSTed.
    [Fact]
    public async Task ExpiredMessageIsDropped()
    {
        var time = new FakeTimeProvider();
        await using var environment = Redis(time);
        var subscriber = await SubscribeAsync(environment, "photos", _ => Task.FromResult(Results.Ok()));
        using var publisher = await PublisherAsync(environment);
        environment.Faults.DelayDeliveries(TimeSpan.FromSeconds(60), "photos");
        await publisher.PublishEventAsync(
            "pubsub", "photos", new { Id = 1 }, new() { ["ttlInSeconds"] = "10" }, Cancellation);

        time.Advance(TimeSpan.FromSeconds(60));

        var settled = await environment.SettledAsync("photos");
        Assert.Equal(SettleReason.Dropped, settled.Reason);
        Assert.Empty(subscriber.Deliveries("/photos"));
    }

    // contract §2.3: an expired event goes to the dead-letter topic when one is set.
    [Fact]
    public async Task ExpiredMessageGoesToTheDeadLetterTopicWhenOneIsSet()
    {
        var time = new FakeTimeProvider();
        await using var environment = Redis(time);
        await SubscribeAsync(
            environment, "photos", _ => Task.FromResult(Results.Ok()), deadLetterTopic: "photos-dlq");
        using var publisher = await PublisherAsync(environment);
        environment.Faults.DelayDeliveries(TimeSpan.FromSeconds(60), "photos");
        await publisher.PublishEventAsync(
            "pubsub", "photos", new { Id = 1 }, new() { ["ttlInSeconds"] = "10" }, Cancellation);

        time.Advance(TimeSpan.FromSeconds(60));

        var settled = await environment.SettledAsync("photos");
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        await environment.PublishedAsync("photos-dlq");
    }

    // contract §2.1/§2.3: the caller's W3C trace id travels in the CloudEvent and the delivery's
    // traceparent.
    [Fact]
    public async Task IncomingTraceContextKeepsItsTraceIdThroughToTheDelivery()
    {
        await using var environment = Redis();
        var subscriber = await SubscribeAsync(environment, "photos", _ => Task.FromResult(Results.Ok()));
        using var publisher = await PublisherAsync(environment);
        using var source = new ActivitySource("DaprPhotos.Tests.PubSub");
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        string traceId;
        using (var activity = source.StartActivity("upload")!)
        {
            traceId = activity.TraceId.ToHexString();
            await publisher.PublishEventAsync("pubsub", "photos", new { Id = 1 }, Cancellation);
        }

        await environment.SettledAsync("photos");
        var envelope = Json((await environment.PublishedAsync("photos")).BodyText);
        Assert.Contains(traceId, envelope.GetProperty("traceparent").GetString());
        Assert.Contains(traceId, envelope.GetProperty("traceid").GetString());
        Assert.Contains(traceId, Assert.Single(subscriber.Deliveries("/photos")).Headers["traceparent"]);
    }
}
