using Dapr;
using DaprPhotos.Testing.Resources;
using DaprPhotos.Testing.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>Contract §1.1: what daprd makes of an app's <c>GET /dapr/subscribe</c>.</summary>
public sealed class ProgrammaticSubscriptionTests
{
    // contract §1.1: Go matches JSON keys case-insensitively, so any spelling of pubsubname works.
    [Fact]
    public async Task SubscriptionKeysAreMatchedCaseInsensitively()
    {
        await using var environment = Redis();
        var sidecar = await environment.StartSidecarAsync("subscriber");
        var app = await RawApp.StartAsync(sidecar, app =>
        {
            RawApp.Subscriptions(app, """[{"PubSubNAME":"pubsub","TOPIC":"orders","Route":"orders"}]""");
            app.MapPost("/orders", () => Results.Ok());
        });
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "orders", new { Id = 1 }, Cancellation);

        await environment.SettledAsync("orders");
        Assert.Single(app.Received.Where(request => request.Path == "/orders"));
    }

    // contract §1.1: rules in priority order, routes.default as the last rule; match reads the CloudEvent.
    [Fact]
    public async Task MatchRulesRouteByTheCloudEventAndTheRestGoesToTheDefault()
    {
        await using var environment = Redis();
        var subscriber = await TinyApp.StartAsync(await environment.StartSidecarAsync("subscriber"), app =>
        {
            app.MapPost("/big", () => Results.Ok()).WithTopic(new TopicOptions
            {
                PubsubName = "pubsub", Name = "routed", Match = "event.type == \"big\"", Priority = 1,
            });
            app.MapPost("/small", () => Results.Ok()).WithTopic("pubsub", "routed");
        }, Cancellation);
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync(
            "pubsub", "routed", new { Size = 9 }, new() { ["cloudevent.type"] = "big" }, Cancellation);
        await publisher.PublishEventAsync("pubsub", "routed", new { Size = 1 }, Cancellation);
        await environment.WhenIdleAsync();

        var big = Json(Assert.Single(subscriber.Deliveries("/big")).Body).GetProperty("data");
        Assert.Equal(9, big.GetProperty("size").GetInt32());
        var small = Json(Assert.Single(subscriber.Deliveries("/small")).Body).GetProperty("data");
        Assert.Equal(1, small.GetProperty("size").GetInt32());
    }

    // contract §1.1: "topic %s has an empty routes": a subscription without any route is removed.
    [Fact]
    public async Task SubscriptionWithoutARouteIsRemoved()
    {
        await using var environment = Redis();
        var sidecar = await environment.StartSidecarAsync("subscriber");

        await RawApp.StartAsync(sidecar, app => RawApp.Subscriptions(app,
            """[{"pubsubname":"pubsub","topic":"orders"},"""
            + """{"pubsubname":"pubsub","topic":"kept","route":"kept"}]"""));

        Assert.Equal(["kept"], sidecar.Subscriptions.Select(subscription => subscription.Topic));
    }

    // contract §1.1: 404 means "did not subscribe"; any other failure is logged; both leave none.
    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task SubscribeEndpointThatFailsMeansNoSubscriptions(int statusCode)
    {
        await using var environment = Redis();
        var sidecar = await environment.StartSidecarAsync("subscriber");

        await RawApp.StartAsync(
            sidecar, app => app.MapGet("/dapr/subscribe", () => Results.StatusCode(statusCode)));

        Assert.Empty(sidecar.Subscriptions);
    }

    // contract §1.1: daprd names itself in Dapr-App-Id when it asks for the subscriptions.
    [Fact]
    public async Task SubscribeRequestCarriesTheAppId()
    {
        await using var environment = Redis();
        var sidecar = await environment.StartSidecarAsync("thumbnails");

        var app = await RawApp.StartAsync(sidecar, app => RawApp.Subscriptions(app, "[]"));

        var request = Assert.Single(app.Received.Where(request => request.Path == "/dapr/subscribe"));
        Assert.Equal("GET", request.Method);
        Assert.Equal("thumbnails", request.Headers["Dapr-App-Id"]);
    }

    // daprd would only log this and never deliver; the test sidecar fails loudly instead.
    [Fact]
    public async Task SubscriptionToAPubSubTheAppDoesNotLoadFailsAtConnect()
    {
        await using var environment = Redis();
        var sidecar = await environment.StartSidecarAsync("subscriber");

        var error = await Assert.ThrowsAsync<DaprResourceException>(() => TinyApp.StartAsync(
            sidecar,
            app => app.MapPost("/orders", () => Results.Ok()).WithTopic("pubsub-typo", "orders"),
            Cancellation));

        Assert.Contains("pubsub-typo", error.Message);
    }
}
