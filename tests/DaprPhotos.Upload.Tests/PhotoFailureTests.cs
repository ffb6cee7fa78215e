using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;
using static DaprPhotos.Testing.Diagnostics.DeliveryOutcome;

namespace DaprPhotos.Upload.Tests;

/// <summary>A step that gives up, in its own event or by a dead letter, shows on the photo by name.</summary>
public sealed class PhotoFailureTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PhotoFailedMarksThePhotoFailedWithTheReasonAndTheReportingApp()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        var failedEvent = PhotoEvents.Failed(photo.Id, "The JPEG scan data is corrupt.");

        await app.DeliverAsThumbnailsAsync(failedEvent, Cancellation);

        var failed = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal((PhotoStatus.Failed, PhotoEvents.ThumbnailedAt, 1),
            (failed.Status, failed.Steps.FailedAt, failed.FailedAttempts));
        Assert.Equal(new PhotoError("The JPEG scan data is corrupt.", AppIds.Thumbnails), failed.LastError);
    }

    [Fact]
    public async Task ADuplicatedFailureCountsOnce()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        app.Environment.Faults.DuplicateDeliveries(Topics.PhotoFailed, AppIds.Upload);

        await app.DeliverAsThumbnailsAsync(PhotoEvents.Failed(photo.Id, "Out of disk."), Cancellation);

        var failed = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal(2, app.DeliveriesToUpload(Topics.PhotoFailed).Count(d => d.Outcome == Success));
        Assert.Equal((PhotoStatus.Failed, 1), (failed.Status, failed.FailedAttempts));
    }

    [Fact]
    public async Task ADeadLetteredUploadMarksThePhotoFailedNamingThumbnails()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        var uploaded = await app.Environment.WaitForEventAsync<PhotoUploaded>(
            Topics.PhotoUploaded, e => e.PhotoId == photo.Id, cancellationToken: Cancellation);
        var deadLetterTopic = Topics.DeadLetter(Topics.PhotoUploaded, AppIds.Thumbnails);

        await app.PublishAsThumbnailsAsync(deadLetterTopic, uploaded, Cancellation);
        await app.SettledByUploadAsync(deadLetterTopic, photo.Id, Cancellation);

        var failed = await app.GetPhotoAsync(photo.Id, Cancellation);
        Assert.Equal(PhotoStatus.Failed, failed.Status);
        Assert.Equal(AppIds.Thumbnails, failed.LastError?.ReportedBy);
        Assert.Contains("thumbnails could not process photo-uploaded", failed.LastError?.Message, Ordinal);
    }
}
