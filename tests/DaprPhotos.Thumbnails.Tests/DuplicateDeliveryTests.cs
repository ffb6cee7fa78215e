using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>At-least-once delivery: a photo seen twice is rendered once and announced again.</summary>
public sealed class DuplicateDeliveryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADuplicateDeliveryDoesNotRenderTwice()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        app.Environment.Faults.DuplicateDeliveries(topic: Topics.PhotoUploaded, appId: AppIds.Thumbnails);

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        await app.Environment.WhenIdleAsync();
        Assert.Equal(2, app.Attempts(Topics.PhotoUploaded, uploaded.PhotoId).Count);
        Assert.Equal(1, RenditionSetWrites(app, uploaded.PhotoId));
    }

    [Fact]
    public async Task ADuplicateDeliveryRepublishesTheSameEvent()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        app.Environment.Faults.DuplicateDeliveries(topic: Topics.PhotoUploaded, appId: AppIds.Thumbnails);

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        await app.Environment.WhenIdleAsync();
        var announced = app.Thumbnailed(uploaded.PhotoId);
        Assert.Equal(2, announced.Count);
        Assert.Single(announced.Select(e => e.EventId).Distinct());
    }

    [Fact]
    public async Task TheSamePhotoPublishedTwiceIsRenderedOnce()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        var writesBefore = app.RenditionWrites(uploaded.PhotoId);

        await app.PublishAsync(uploaded, Cancellation);

        var settled = await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation, nth: 2);
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal(writesBefore, app.RenditionWrites(uploaded.PhotoId));
        Assert.Single(app.Thumbnailed(uploaded.PhotoId).Select(e => e.EventId).Distinct());
    }

    // The tombstone, the current set and the photo's stored sets come in one bulk read.
    [Fact]
    public async Task ARedeliveryCostsTwoSidecarCalls()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        var callsBefore = app.Calls().Count;

        await app.PublishAsync(uploaded, Cancellation);

        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation, nth: 2);
        var calls = app.Calls().Skip(callsBefore).Select(call => call.Method);
        Assert.Equal(["GetBulkState", "PublishEvent"], calls);
    }

    private static int RenditionSetWrites(ThumbnailsApplication app, string photoId) =>
        app.Calls().Count(call => call.Method == "SaveState"
            && call.Target.StartsWith($"rendition/{photoId}/set-", StringComparison.Ordinal));
}
