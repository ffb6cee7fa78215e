using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>
/// photo-reprocess-requested, upload's way to bring a photo to the current rendition set: handled
/// exactly like photo-uploaded, from the original and facts the request names.
/// </summary>
public sealed class ReprocessTests
{
    private const int ReprocessRequestedEventId = 3009;

    private static readonly Dictionary<string, string?> SmallWebpThumbOnly = new()
    {
        ["Thumbnails:Renditions:0:Name"] = "thumb",
        ["Thumbnails:Renditions:0:LongestSidePixels"] = "128",
        ["Thumbnails:Renditions:0:Format"] = "webp",
    };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReprocessOfARenderedPhotoRepublishesItsSetWithoutRendering()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        var rendered = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var writesBefore = app.RenditionWrites(uploaded.PhotoId);

        await app.RequestReprocessAsync(uploaded, Cancellation);

        var settled = await app.SettledAsync(
            Topics.PhotoReprocessRequested, uploaded.PhotoId, Cancellation);
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal(writesBefore, app.RenditionWrites(uploaded.PhotoId));
        Assert.Equal(
            [rendered.EventId, rendered.EventId], app.Thumbnailed(uploaded.PhotoId).Select(e => e.EventId));
    }

    [Fact]
    public async Task AReprocessAfterTheRenditionSpecChangedRendersAndPublishesTheNewSet()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        var before = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        await app.RestartAsync(SmallWebpThumbOnly, Cancellation);

        await app.RequestReprocessAsync(uploaded, Cancellation);

        var after = await app.Environment.WaitForEventAsync<PhotoThumbnailed>(
            Topics.PhotoThumbnailed,
            e => e.PhotoId == uploaded.PhotoId && e.EventId != before.EventId,
            cancellationToken: Cancellation);
        Assert.NotEqual(before.RenditionSet, after.RenditionSet);
        Assert.Equal(app.Options.SetFingerprint, after.RenditionSet);
        Assert.Equal([("thumb", "WEBP", 128, 96)],
            after.Renditions.Select(r => (r.Name, r.Format, r.Width, r.Height)));
    }

    [Fact]
    public async Task AReprocessOfADeletedPhotoIsAcknowledgedWithoutRendering()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        await app.DeleteAsync(uploaded.PhotoId, Cancellation);
        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        var writesBefore = app.RenditionWrites(uploaded.PhotoId);

        await app.RequestReprocessAsync(uploaded, Cancellation);

        var settled = await app.SettledAsync(
            Topics.PhotoReprocessRequested, uploaded.PhotoId, Cancellation);
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal(writesBefore, app.RenditionWrites(uploaded.PhotoId));
        Assert.Single(app.Thumbnailed(uploaded.PhotoId));
    }

    [Fact]
    public async Task AReprocessOfAnUnrenderableOriginalPublishesPhotoFailedAndIsDeadLettered()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var truncated = TestPhotos.Truncate(TestPhotos.Jpeg(800, 600), 0.6);
        var uploaded = await app.StoreOriginalAsync(truncated, Cancellation);

        await app.RequestReprocessAsync(uploaded, Cancellation);

        var failed = await app.FailedAsync(uploaded.PhotoId, Cancellation);
        var settled = await app.SettledAsync(
            Topics.PhotoReprocessRequested, uploaded.PhotoId, Cancellation);
        Assert.Equal(("decode", SettleReason.DeadLettered), (failed.Stage, settled.Reason));
        Assert.Single(app.Attempts(Topics.PhotoReprocessRequested, uploaded.PhotoId));
    }

    [Fact]
    public async Task AReprocessThatMeetsASidecarFaultIsRetriedThenSucceeds()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.StoreOriginalAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        app.Environment.Faults.FailState(appId: AppIds.Thumbnails, store: ComponentNames.Blobs,
            method: "SaveState", times: ComponentRetries.FailuresTheSidecarCannotHide);

        await app.RequestReprocessAsync(uploaded, Cancellation);

        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        await app.SettledAsync(Topics.PhotoReprocessRequested, uploaded.PhotoId, Cancellation);
        var attempts = app.Attempts(Topics.PhotoReprocessRequested, uploaded.PhotoId);
        Assert.Equal([DeliveryOutcome.Retry, DeliveryOutcome.Success], attempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task AReprocessThatNamesNoOriginalIsDeadLetteredWithoutPhotoFailed()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.StoreOriginalAsync(TestPhotos.Jpeg(400, 300), Cancellation);
        var incomplete = new PhotoReprocessRequested(Guid.NewGuid(), uploaded.PhotoId, DateTimeOffset.UtcNow,
            "", UploadFacts.From(uploaded), "the rendition set is outdated", "reprocess-incomplete");

        await app.PublishAsync(incomplete, Cancellation);

        var settled = await app.SettledAsync(
            Topics.PhotoReprocessRequested, uploaded.PhotoId, Cancellation);
        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        Assert.Empty(app.Environment.PublishedEvents<PhotoFailed>(Topics.PhotoFailed));
    }

    [Fact]
    public async Task AReprocessIsLoggedWithTheRunThatAskedForIt()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(400, 300), Cancellation);
        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        var requested = await app.RequestReprocessAsync(uploaded, Cancellation);

        var line = await app.Logs.Lines.WaitForAsync(
            line => line.EventId == ReprocessRequestedEventId, "the reprocess log line",
            cancellationToken: Cancellation);
        Assert.Contains(requested.RequestId, line.Message, StringComparison.Ordinal);
        Assert.Contains(requested.EventId.ToString(), line.Message, StringComparison.Ordinal);
    }
}
