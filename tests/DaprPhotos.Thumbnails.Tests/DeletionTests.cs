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

        await app.PublishAsync(Deleted(uploaded.PhotoId), Cancellation);

        var settled = await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Empty(BlobKeysOf(app, $"rendition/{uploaded.PhotoId}/"));
    }

    [Fact]
    public async Task ADeletedPhotoLeavesATombstone()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        await app.PublishAsync(Deleted(uploaded.PhotoId), Cancellation);

        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        Assert.Single(BlobKeysOf(app, $"tombstone/{uploaded.PhotoId}"));
    }

    [Fact]
    public async Task ALatePhotoUploadedForADeletedPhotoIsNotRendered()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.StoreOriginalAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.PublishAsync(Deleted(uploaded.PhotoId), Cancellation);
        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);

        await app.PublishAsync(uploaded, Cancellation);

        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        Assert.DoesNotContain(app.Environment.Calls.Where(call => call.Method == "SaveState"),
            call => call.Target.StartsWith($"rendition/{uploaded.PhotoId}/", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Environment.PublishedEvents<PhotoThumbnailed>(Topics.PhotoThumbnailed),
            e => e.PhotoId == uploaded.PhotoId);
    }

    private static PhotoDeleted Deleted(string photoId) =>
        new(Guid.NewGuid(), photoId, DateTimeOffset.UtcNow);

    private static List<string> BlobKeysOf(ThumbnailsApplication app, string prefix) =>
        [.. app.Environment.StateStore(ComponentNames.Blobs).Keys
            .Where(key => key.Contains(prefix, StringComparison.Ordinal))];
}
