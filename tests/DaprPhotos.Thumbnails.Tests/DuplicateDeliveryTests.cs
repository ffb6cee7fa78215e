using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
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
        var announced = Thumbnailed(app, uploaded.PhotoId);
        Assert.Equal(2, announced.Count);
        Assert.Single(announced.Select(e => e.EventId).Distinct());
    }

    [Fact]
    public async Task TheSamePhotoPublishedTwiceIsRenderedOnce()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        var writesBefore = RenditionWrites(app, uploaded.PhotoId);

        await app.PublishAsync(uploaded, Cancellation);

        var settled = await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation, nth: 2);
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal(writesBefore, RenditionWrites(app, uploaded.PhotoId));
        Assert.Single(Thumbnailed(app, uploaded.PhotoId).Select(e => e.EventId).Distinct());
    }

    // The tombstone, the current set and the photo's stored sets come in one bulk read.
    [Fact]
    public async Task ARedeliveryCostsTwoSidecarCalls()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        var callsBefore = ThumbnailsCalls(app).Count;

        await app.PublishAsync(uploaded, Cancellation);

        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation, nth: 2);
        var calls = ThumbnailsCalls(app).Skip(callsBefore).Select(call => call.Method);
        Assert.Equal(["GetBulkState", "PublishEvent"], calls);
    }

    private static List<PhotoThumbnailed> Thumbnailed(ThumbnailsApplication app, string photoId) =>
        [.. app.Environment.PublishedEvents<PhotoThumbnailed>(Topics.PhotoThumbnailed)
            .Where(e => e.PhotoId == photoId)];

    private static IReadOnlyList<SidecarCall> ThumbnailsCalls(ThumbnailsApplication app) =>
        app.Environment.Calls.Where(call => call.AppId == AppIds.Thumbnails);

    // Every SaveState thumbnails made under the photo's rendition keys: chunks, manifests, the set record.
    private static int RenditionWrites(ThumbnailsApplication app, string photoId) =>
        app.Environment.Calls.Count(call => call.AppId == AppIds.Thumbnails
            && call.Method == "SaveState"
            && call.Target.StartsWith($"rendition/{photoId}/", StringComparison.Ordinal));

    private static int RenditionSetWrites(ThumbnailsApplication app, string photoId) =>
        app.Environment.Calls.Count(call => call.AppId == AppIds.Thumbnails
            && call.Method == "SaveState"
            && call.Target.StartsWith($"rendition/{photoId}/set-", StringComparison.Ordinal));
}
