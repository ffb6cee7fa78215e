using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Broker misbehaviour on demand: copies, reordering, delays and a sidecar that is down.</summary>
public sealed class DeliveryFaultTests
{
    [Fact]
    public async Task DuplicatedDeliveryHandsTheAppTheSameCloudEventTwice()
    {
        await using var environment = Redis();
        var subscriber = await SubscribeAsync(environment, "orders", () => Results.Ok());
        using var publisher = await PublisherAsync(environment);
        environment.Faults.DuplicateDeliveries("orders");

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);
        await environment.WaitForAsync<MessageSettled>(
            settled => environment.Messages.Count(message => message is MessageSettled) == 2,
            "both copies to settle");

        var ids = subscriber.Deliveries("/orders")
            .Select(request => Json(request.Body).GetProperty("id").GetString());
        var id = Assert.Single(ids.Distinct());
        Assert.Equal(2, ids.Count());
        Assert.Equal((await environment.PublishedAsync("orders")).CloudEventId, id);
    }

    // With one redis worker (concurrency: 1) the app sees messages in the order the broker releases them.
    [Fact]
    public async Task ReorderedDeliveriesArriveNewestFirst()
    {
        await using var environment = new DaprTestEnvironment(Support.Resources.Load(
            Support.Resources.RedisPubSub(metadata: "- name: concurrency\n  value: \"1\"\n")));
        var subscriber = await SubscribeAsync(environment, "orders", () => Results.Ok());
        using var publisher = await PublisherAsync(environment);
        environment.Faults.ReorderDeliveries(3, TimeSpan.FromHours(1), "orders");

        foreach (var id in new[] { 1, 2, 3 })
        {
            await publisher.PublishEventAsync("pubsub", "orders", new { Id = id }, Cancellation);
        }

        await environment.WaitForAsync<MessageSettled>(
            _ => environment.Messages.Count(message => message is MessageSettled) == 3,
            "all three to settle");
        var seen = subscriber.Deliveries("/orders")
            .Select(r => Json(r.Body).GetProperty("data").GetProperty("id").GetInt32());
        Assert.Equal([3, 2, 1], seen);
    }

    [Fact]
    public async Task DelayedDeliveryWaitsForTheClock()
    {
        var time = new FakeTimeProvider();
        await using var environment = Redis(time);
        var subscriber = await SubscribeAsync(environment, "orders", () => Results.Ok());
        using var publisher = await PublisherAsync(environment);
        environment.Faults.DelayDeliveries(TimeSpan.FromSeconds(30), "orders");
        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);
        var published = await environment.PublishedAsync("orders");
        Assert.Empty(subscriber.Deliveries("/orders"));

        time.Advance(TimeSpan.FromSeconds(30));

        var delivered = await environment.WaitForAsync<MessageDelivered>(
            d => d.Topic == "orders", "the delivery");
        Assert.True(delivered.At >= published.At + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task UnavailableSubscriberSidecarHoldsDeliveriesUntilRestored()
    {
        await using var environment = Redis();
        var subscriber = await SubscribeAsync(environment, "orders", () => Results.Ok());
        using var publisher = await PublisherAsync(environment);
        var outage = subscriber.Sidecar.BeUnavailable();
        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);
        await environment.PublishedAsync("orders");
        Assert.Empty(subscriber.Deliveries("/orders"));

        outage.Dispose();

        var settled = await environment.SettledAsync("orders");
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Single(subscriber.Deliveries("/orders"));
    }
}
