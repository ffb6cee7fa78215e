using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class DeletionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADeletedPhotosRenditionsAreGone()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        await app.DeleteAsync(uploaded.PhotoId, Cancellation);

        var settled = await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Empty(app.RenditionKeys(uploaded.PhotoId));
    }

    [Fact]
    public async Task ADeletedPhotoLeavesATombstone()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        await app.DeleteAsync(uploaded.PhotoId, Cancellation);

        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        Assert.Single(BlobKeysOf(app, $"tombstone/{uploaded.PhotoId}"));
    }

    [Fact]
    public async Task ALatePhotoUploadedForADeletedPhotoIsNotRendered()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.StoreOriginalAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.DeleteAsync(uploaded.PhotoId, Cancellation);
        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);

        await app.PublishAsync(uploaded, Cancellation);

        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        Assert.DoesNotContain(app.Environment.Calls.Where(call => call.Method == "SaveState"),
            call => call.Target.StartsWith($"rendition/{uploaded.PhotoId}/", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Environment.PublishedEvents<PhotoThumbnailed>(Topics.PhotoThumbnailed),
            e => e.PhotoId == uploaded.PhotoId);
    }

    [Fact]
    public async Task APhotoRenderedBeforeSetsWereRecordedLosesItsRenditionsToo()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        await app.DeleteRecordAsync(BlobKeys.RenditionSets(uploaded.PhotoId), Cancellation);

        await app.DeleteAsync(uploaded.PhotoId, Cancellation);

        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        Assert.Empty(app.RenditionKeys(uploaded.PhotoId));
    }

    // The tombstone, one bulk read (the record of sets and the current spec's manifests), one bulk
    // delete of every rendition and set record, and the record of sets, ETag-checked.
    [Fact]
    public async Task ADeleteCostsFourSidecarCalls()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        var callsBefore = app.Calls().Count;

        await app.DeleteAsync(uploaded.PhotoId, Cancellation);

        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        var calls = app.Calls().Skip(callsBefore).Select(call => call.Method);
        Assert.Equal(["SaveState", "GetBulkState", "DeleteBulkState", "DeleteState"], calls);
    }

    private static List<string> BlobKeysOf(ThumbnailsApplication app, string prefix) =>
        [.. app.Environment.StateStore(ComponentNames.Blobs).Keys
            .Where(key => key.Contains(prefix, StringComparison.Ordinal))];
}
