using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static DaprPhotos.Testing.Tests.PubSub.PubSubKit;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>
/// Contract §2.3 and §2.4: the HTTP request daprd sends, and what UseCloudEvents makes of it.
/// </summary>
public sealed class DeliveryRequestTests
{
    // contract §2.3: path, body byte for byte, content type, Pubsubname, metadata headers, app token.
    [Fact]
    public async Task DeliveryIsAPostOfThePublishedBytesWithDaprdsHeaders()
    {
        await using var environment = Redis();
        var subscriber = await SubscribeAsync(environment, "photos", _ => Task.FromResult(Results.Ok()),
            options: new TestSidecarOptions { AppApiToken = "app-secret" });
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync(
            "pubsub", "photos", new { Id = 1 }, new() { ["tenant"] = "t1" }, Cancellation);
        await environment.SettledAsync("photos");

        var request = Assert.Single(subscriber.Deliveries("/photos"));
        Assert.Equal((await environment.PublishedAsync("photos")).BodyText, request.Body);
        Assert.Equal("application/cloudevents+json", request.Headers["Content-Type"]);
        Assert.Equal("pubsub", request.Headers["Pubsubname"]);
        Assert.Equal("t1", request.Headers["tenant"]);
        Assert.Equal("app-secret", request.Headers["dapr-api-token"]);
    }

    // contract §2.4: UseCloudEvents hands a JSON event's data to the handler, bound to a record.
    [Fact]
    public async Task JsonEventBindsToARecordThroughUseCloudEvents()
    {
        await using var environment = Redis();
        var received = new TaskCompletionSource<PhotoUploaded>();
        await TinyApp.StartAsync(await environment.StartSidecarAsync("subscriber"), app => app
            .MapPost("/photos", (PhotoUploaded photo) =>
            {
                received.TrySetResult(photo);
                return Results.Ok();
            })
            .WithTopic("pubsub", "photos"), Cancellation);
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishEventAsync("pubsub", "photos", new PhotoUploaded("p1", 42), Cancellation);

        Assert.Equal(
            new PhotoUploaded("p1", 42), await received.Task.WaitAsync(WaitLimits.Default, Cancellation));
    }

    // contract §2.4: a data_base64 event reaches the handler as the raw bytes.
    [Fact]
    public async Task Base64EventArrivesAsRawBytesThroughUseCloudEvents()
    {
        await using var environment = Redis();
        var received = new TaskCompletionSource<byte[]>();
        await TinyApp.StartAsync(await environment.StartSidecarAsync("subscriber"), app => app
            .MapPost("/photos", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                received.TrySetResult(body.ToArray());
                return Results.Ok();
            })
            .WithTopic("pubsub", "photos"), Cancellation);
        using var publisher = await PublisherAsync(environment);

        await publisher.PublishByteEventAsync(
            "pubsub", "photos", new byte[] { 0, 1, 255 }, "application/octet-stream",
            cancellationToken: Cancellation);

        Assert.Equal(
            new byte[] { 0, 1, 255 }, await received.Task.WaitAsync(WaitLimits.Default, Cancellation));
    }

    private sealed record PhotoUploaded(string PhotoId, int SizeBytes);
}
