using DaprPhotos.Contracts;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;
using static DaprPhotos.Testing.Diagnostics.DeliveryOutcome;

namespace DaprPhotos.Upload.Tests;

/// <summary>Status moves forward only, through the events thumbnails and indexing publish.</summary>
public sealed class PhotoStatusTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APhotoMovesFromUploadedThroughThumbnailedToIndexed()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id), Cancellation);
        var thumbnailed = await app.GetPhotoAsync(photo.Id, Cancellation);
        await app.DeliverAsIndexingAsync(PhotoEvents.Indexed(photo.Id), Cancellation);
        var indexed = await app.GetPhotoAsync(photo.Id, Cancellation);

        Assert.Equal(PhotoStatus.Uploaded, photo.Status);
        Assert.Equal((PhotoStatus.Thumbnailed, PhotoEvents.ThumbnailedAt, null),
            (thumbnailed.Status, thumbnailed.Steps.ThumbnailedAt, thumbnailed.Steps.IndexedAt));
        Assert.Equal((PhotoStatus.Indexed, PhotoEvents.ThumbnailedAt, PhotoEvents.IndexedAt),
            (indexed.Status, indexed.Steps.ThumbnailedAt, indexed.Steps.IndexedAt));
        Assert.Equal(photo.Steps.UploadedAt, indexed.Steps.UploadedAt);
        var small = Assert.Single(indexed.Renditions);
        Assert.Equal(("small", $"/photos/{photo.Id}/renditions/small"), (small.Name, small.Href));
        Assert.Equal(PhotoEvents.Metadata, indexed.Metadata);
    }

    [Fact]
    public async Task ADuplicateDeliveryOfThumbnailedChangesNothing()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        app.Environment.Faults.DuplicateDeliveries(Topics.PhotoThumbnailed, AppIds.Upload, copies: 3);

        await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id), Cancellation);

        var thumbnailed = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal(3, app.DeliveriesToUpload(Topics.PhotoThumbnailed).Count(d => d.Outcome == Success));
        Assert.Equal((PhotoStatus.Thumbnailed, 1), (thumbnailed.Status, thumbnailed.Renditions.Count));
    }

    [Fact]
    public async Task ALateThumbnailedAfterIndexedDoesNotMoveTheStatusBack()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        var thumbnailed = PhotoEvents.Thumbnailed(photo.Id);
        await app.DeliverAsThumbnailsAsync(thumbnailed, Cancellation);
        await app.DeliverAsIndexingAsync(PhotoEvents.Indexed(photo.Id), Cancellation);

        await app.DeliverAsThumbnailsAsync(thumbnailed, Cancellation);
        await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id), Cancellation);

        var after = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal((PhotoStatus.Indexed, PhotoEvents.IndexedAt), (after.Status, after.Steps.IndexedAt));
    }

    [Fact]
    public async Task IndexedBeforeThumbnailedEndsIndexedWithTheThumbnailedFactsKept()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        await app.DeliverAsIndexingAsync(PhotoEvents.Indexed(photo.Id), Cancellation);
        await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id), Cancellation);

        var after = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal((PhotoStatus.Indexed, PhotoEvents.ThumbnailedAt, PhotoEvents.IndexedAt),
            (after.Status, after.Steps.ThumbnailedAt, after.Steps.IndexedAt));
        Assert.Equal("small", Assert.Single(after.Renditions).Name);
        Assert.Equal(PhotoEvents.Metadata, after.Metadata);
    }
}
