using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprPhotos.Testing.Tests;

/// <summary>The real Dapr SDK on both sides: DaprClient calls in, UseCloudEvents receives.</summary>
public sealed class RealDaprClientTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DaprClientSavesWithETagsAndReadsBulkStateThroughTheSidecar()
    {
        await using var environment = TestEnvironments.Redis();
        var sidecar = await environment.StartSidecarAsync("orders");
        using var client = sidecar.CreateDaprClient();

        await client.SaveStateAsync(
            "statestore", "a", new Order(1, "first"), cancellationToken: Cancellation);
        var (_, etag) = await client.GetStateAndETagAsync<Order>(
            "statestore", "a", cancellationToken: Cancellation);
        var saved = await client.TrySaveStateAsync(
            "statestore", "a", new Order(1, "second"), etag, cancellationToken: Cancellation);
        var stale = await client.TrySaveStateAsync(
            "statestore", "a", new Order(1, "third"), etag, cancellationToken: Cancellation);
        await client.SaveStateAsync(
            "statestore", "b", new Order(2, "other"), cancellationToken: Cancellation);
        var bulk = await client.GetBulkStateAsync<Order>(
            "statestore", ["a", "b", "missing"], 0, cancellationToken: Cancellation);

        Assert.True(saved);
        Assert.False(stale);
        Assert.Equal(["a", "b", "missing"], bulk.Select(item => item.Key));
        Assert.Equal("second", bulk[0].Value.Name);
        Assert.Equal("other", bulk[1].Value.Name);
        Assert.Null(bulk[2].Value);
        Assert.Equal("", bulk[2].ETag);
    }

    [Fact]
    public async Task ATinyAppReceivesAPublishedEventThroughUseCloudEvents()
    {
        await using var environment = TestEnvironments.Redis();
        var received = new TaskCompletionSource<Order>();
        await using var subscriber = await TinyApp.StartAsync(
            await environment.StartSidecarAsync("shipping"),
            app => app.MapPost("/orders", (Order order) =>
            {
                received.TrySetResult(order);
                return Results.Ok();
            }).WithTopic("pubsub", "orders"),
            Cancellation);
        using var publisher = (await environment.StartSidecarAsync("checkout")).CreateDaprClient();

        await publisher.PublishEventAsync("pubsub", "orders", new Order(7, "seven"), Cancellation);

        var order = await received.Task.WaitAsync(WaitLimits.Default, Cancellation);
        Assert.Equal(new Order(7, "seven"), order);
        var request = await subscriber.Received.WaitForAsync(
            r => r.Path == "/orders", "the delivery", cancellationToken: Cancellation);
        Assert.Equal("application/cloudevents+json", request.Headers["Content-Type"]);
        var settled = await environment.Messages.WaitForAsync(
            message => message is MessageSettled, "the settlement", cancellationToken: Cancellation);
        Assert.Equal(SettleReason.Acknowledged, ((MessageSettled)settled).Reason);
    }

    private sealed record Order(int Id, string Name);
}
