using System.Net;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.EndToEnd.Tests.Support;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.EndToEnd.Tests;

/// <summary>
/// Broken files through the whole pipeline: what upload can tell from a header and an end marker
/// never gets in, and what only a full decode finds out fails with a reason a person can act on.
/// </summary>
public sealed class BrokenFileTests(RunningPipeline running) : IClassFixture<RunningPipeline>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Pipeline Pipeline => running.Pipeline;

    [Fact]
    public async Task ATruncatedJpegIsRefusedAtTheDoorAndLeavesNoBytes()
    {
        var keysBefore = Pipeline.BlobKeys();

        using var response = await Pipeline.PostPhotoAsync(
            BrokenFiles.TruncatedJpeg(seed: 11), "cut.jpg", "Cut short", Cancellation);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(keysBefore.Order(), Pipeline.BlobKeys().Order());
    }

    [Fact]
    public async Task AJpegWithoutHuffmanTablesIsAcceptedThenFailsAtDecode()
    {
        var photo = await Pipeline.UploadPhotoAsync(
            BrokenFiles.JpegWithoutHuffmanTables(seed: 12), "no-tables.jpg", "No tables", Cancellation);

        var failed = await FailureReportedAsync(photo.Id);

        Assert.Equal((AppIds.Thumbnails, "decode"), (failed.FailedAppId, failed.Stage));
    }

    // ImageSharp 2.1's PNG decoder lets System.IO.InvalidDataException out of its zlib stream: a
    // decode failure, not a broken blob stream (which is also an InvalidDataException, at "read").
    [Fact]
    public async Task APngWhosePixelsCannotBeInflatedIsAcceptedThenFailsAtDecode()
    {
        var photo = await Pipeline.UploadPhotoAsync(
            BrokenFiles.PngWithScrambledPixels(seed: 13), "scrambled.png", "Scrambled", Cancellation);

        var failed = await FailureReportedAsync(photo.Id);

        Assert.Equal((AppIds.Thumbnails, "decode"), (failed.FailedAppId, failed.Stage));
    }

    // thumbnails publishes photo-failed with the reason, then DROPs, and daprd moves the message to
    // photo-uploaded.thumbnails.dead-letter: upload gets both, in either order.
    [Fact]
    public async Task AFileThatFailsToRenderShowsTheReasonThumbnailsGave()
    {
        var photo = await Pipeline.UploadPhotoAsync(
            BrokenFiles.JpegWithoutHuffmanTables(seed: 14), "bad.jpg", "Bad", Cancellation);

        await SettledByUploadAsync(Topics.PhotoFailed, photo.Id);
        await SettledByUploadAsync(Topics.DeadLetter(Topics.PhotoUploaded, AppIds.Thumbnails), photo.Id);
        var shown = await Pipeline.GetPhotoAsync(photo.Id, Cancellation);

        Assert.Equal(PhotoView.Failed, shown?.Status);
        Assert.StartsWith(
            "The original cannot be decoded", shown?.LastError?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatFailsToRenderShowsAsFailedByThumbnails()
    {
        var photo = await Pipeline.UploadPhotoAsync(
            BrokenFiles.JpegWithoutHuffmanTables(seed: 15), "worse.jpg", "Worse", Cancellation);

        var shown = await Pipeline.WaitForStatusAsync(photo.Id, PhotoView.Failed, Cancellation);

        Assert.Equal(AppIds.Thumbnails, shown?.LastError?.ReportedBy);
    }

    private Task<PhotoFailed> FailureReportedAsync(string photoId) =>
        Pipeline.Environment.WaitForEventAsync<PhotoFailed>(
            Topics.PhotoFailed, failed => failed.PhotoId == photoId, Pipeline.Patience, Cancellation);

    // Waits until upload has settled the (first) message about the photo on the topic.
    private async Task SettledByUploadAsync(string topic, string photoId)
    {
        var messages = Pipeline.Environment.Messages;
        var published = await messages.WaitForAsync(
            message => message is MessagePublished p && p.Topic == topic && p.BodyText.Contains(photoId),
            $"a message on {topic} about {photoId}", Pipeline.Patience, Cancellation);
        await messages.WaitForAsync(
            message => message is MessageSettled settled && settled.AppId == AppIds.Upload
                && (settled.Topic, settled.CloudEventId) == (topic, published.CloudEventId),
            $"upload settling {topic} about {photoId}", Pipeline.Patience, Cancellation);
    }
}
