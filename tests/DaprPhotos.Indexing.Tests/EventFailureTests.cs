using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Tests.Support;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Indexing.Tests;

/// <summary>The delivery rules: RETRY what may pass later, report and DROP what never will.</summary>
public sealed class EventFailureTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEventThatCanNeverBeIndexedIsReportedAndDeadLettered()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var broken = Photos.Thumbnailed("No size", width: 0, height: 0);

        var settled = await app.DeliverAsync(broken, Cancellation);

        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        var failed = Assert.Single(app.Environment.PublishedEvents<PhotoFailed>(Topics.PhotoFailed));
        Assert.Equal((broken.PhotoId, AppIds.Indexing), (failed.PhotoId, failed.FailedAppId));
        Assert.Contains("size", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(app.PostingsHolding(broken.PhotoId));
    }

    [Fact]
    public async Task APhotoIdThatIsNoKeyIsReportedNotRetried()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var broken = Photos.Thumbnailed("Bad id", photoId: "a||b");

        var settled = await app.DeliverAsync(broken, Cancellation);

        Assert.Equal(SettleReason.DeadLettered, settled.Reason);
        Assert.Single(app.Environment.PublishedEvents<PhotoFailed>(Topics.PhotoFailed));
        Assert.Single(app.Environment.Messages.Snapshot().OfType<MessageDelivered>(),
            delivered => delivered.Topic == Topics.PhotoThumbnailed);
    }

    [Fact]
    public async Task AStoreFaultIsRetriedAndThePhotoIsIndexedOnce()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        // More failures than the outbound policy retries inside the sidecar, so the app sees one.
        var fault = app.Environment.Faults.FailState(
            appId: AppIds.Indexing, store: ComponentNames.Index, method: "GetBulkState", times: 6);
        var photo = Photos.Thumbnailed("Stormy weather", tags: ["storm"]);

        var settled = await app.DeliverAsync(photo, Cancellation);

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal(6, fault.Injected);
        Assert.Contains(app.Environment.Messages.Snapshot().OfType<MessageDelivered>(),
            delivered => delivered.Topic == Topics.PhotoThumbnailed
                && delivered.Outcome == DeliveryOutcome.Retry);
        Assert.Equal([photo.PhotoId], await app.SearchAllAsync("q=stormy", Cancellation));
        Assert.Equal(1, app.EntriesOf("tag:storm", photo.PhotoId));
    }

    [Fact]
    public async Task ADeleteMeetingAFaultIsRetried()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var photo = Photos.Thumbnailed("Short lived");
        await app.DeliverAsync(photo, Cancellation);
        app.Environment.Faults.FailState(appId: AppIds.Indexing, store: ComponentNames.Index,
            method: "GetState", times: 6);

        var settled = await app.DeliverAsync(Photos.Deleted(photo.PhotoId), Cancellation);

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Empty(await app.SearchAllAsync("q=short", Cancellation));
    }
}
