using System.Net;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>Delete tombstones the photo, announces it and removes the original; nothing revives it.</summary>
public sealed class DeletePhotoTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteTombstonesAnnouncesAndRemovesTheOriginal()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.LargeJpeg(1_500_000), Cancellation);

        using var response = await app.Client.DeleteAsync($"/photos/{photo.Id}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await app.Environment.WaitForEventAsync<PhotoDeleted>(
            Topics.PhotoDeleted, e => e.PhotoId == photo.Id, cancellationToken: Cancellation);
        Assert.DoesNotContain(app.StoredKeys("blobs"), key => key.StartsWith(photo.OriginalKey(), Ordinal));
        var deleted = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal(PhotoStatus.Deleted, deleted.Status);
        Assert.NotNull(deleted.Steps.DeletedAt);
    }

    [Fact]
    public async Task ALateThumbnailedAfterDeleteDoesNotReviveThePhoto()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        using var deleted = await app.Client.DeleteAsync($"/photos/{photo.Id}", Cancellation);

        await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id), Cancellation);

        var after = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal((PhotoStatus.Deleted, null), (after.Status, after.Steps.ThumbnailedAt));
        Assert.Empty(after.Renditions);
    }

    [Fact]
    public async Task DeletingAnUnknownPhotoIsNotFound()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        using var response = await app.Client.DeleteAsync("/photos/no-such-photo", Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.NotFound, Cancellation);
        Assert.Contains("no-such-photo", problem.Detail, Ordinal);
    }

    [Fact]
    public async Task DeletingTwiceIsNoContentBothTimes()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        using var first = await app.Client.DeleteAsync($"/photos/{photo.Id}", Cancellation);

        using var second = await app.Client.DeleteAsync($"/photos/{photo.Id}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
    }
}
