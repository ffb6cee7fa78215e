using DaprPhotos.Contracts;
using DaprPhotos.EndToEnd.Tests.Support;
using SixLabors.ImageSharp;

namespace DaprPhotos.EndToEnd.Tests;

/// <summary>
/// The operators' jobs through the three real services: new rendition settings reach photos
/// already indexed through a reprocessing job, and a photo indexing gave up on is found again once
/// its dead letter is redriven.
/// </summary>
public sealed class AdminJobTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewRenditionSettingsReachAnIndexedPhotoThroughAReprocessingJob()
    {
        await using var pipeline = await Pipeline.StartAsync(new PipelineOptions(), Cancellation);
        var bytes = SamplePhotos.Jpeg(1600, 1200, seed: 31, CameraExif.EiffelTower());
        var uploaded = await pipeline.UploadPhotoAsync(bytes, "field.jpg", "Field at noon", Cancellation);
        var before = (await pipeline.WaitForStatusAsync(uploaded.Id, PhotoView.Indexed, Cancellation))!;
        await pipeline.RestartThumbnailsAsync(SmallerPreview, Cancellation);
        await pipeline.WaitForRenditionSetAnnouncedAsync(before.RenditionSet, Cancellation);

        var job = await pipeline.WaitForJobAsync(
            await pipeline.StartJobAsync("/admin/reprocess", Cancellation), Cancellation);
        var after = (await pipeline.GetPhotoAsync(uploaded.Id, Cancellation))!;
        var preview = after.Renditions.Single(rendition => rendition.Name == "preview");
        using var download = await pipeline.DownloadAsync(preview.Href, Cancellation);
        var image = Image.Identify(await download.Content.ReadAsByteArrayAsync(Cancellation));

        Assert.Equal(("Completed", 1, 1, 0), (job.Status, job.Total, job.Done, job.Failed));
        Assert.NotEqual(before.RenditionSet, after.RenditionSet);
        Assert.Equal((800, 600), (image.Width, image.Height));
        Assert.Equal([uploaded.Id], await pipeline.SearchAsync("q=field", Cancellation));
    }

    [Fact]
    public async Task APhotoIndexingGaveUpOnIsFoundOnceItsDeadLetterIsRedriven()
    {
        await using var pipeline = await Pipeline.StartAsync(new PipelineOptions(), Cancellation);
        var indexStoreDown = pipeline.Environment.Faults.FailState(
            appId: AppIds.Indexing, store: ComponentNames.Index);
        var bytes = SamplePhotos.Jpeg(640, 480, seed: 32);
        var uploaded = await pipeline.UploadPhotoAsync(bytes, "harbour.jpg", "Harbour in fog", Cancellation);
        var failed = (await pipeline.WaitForStatusAsync(uploaded.Id, PhotoView.Failed, Cancellation))!;
        pipeline.Environment.Faults.Clear();
        var notFound = await pipeline.SearchAsync("q=harbour", Cancellation);

        var job = await pipeline.WaitForJobAsync(
            await pipeline.StartJobAsync("/admin/dead-letters/redrive", Cancellation), Cancellation);
        var indexed = await pipeline.WaitForStatusAsync(uploaded.Id, PhotoView.Indexed, Cancellation);

        Assert.True(indexStoreDown.Injected > 0);
        Assert.Equal(AppIds.Indexing, failed.LastError?.ReportedBy);
        Assert.Empty(notFound);
        Assert.Equal(("Completed", 1, 1), (job.Status, job.Total, job.Done));
        Assert.Equal(PhotoView.Indexed, indexed?.Status);
        Assert.Equal([uploaded.Id], await pipeline.SearchAsync("q=harbour", Cancellation));
    }

    // A preview of 800 px instead of 1280: another rendition set, as an operator's redeploy makes.
    private static Dictionary<string, string?> SmallerPreview { get; } = new()
    {
        ["Thumbnails:Renditions:0:Name"] = "preview",
        ["Thumbnails:Renditions:0:LongestSidePixels"] = "800",
        ["Thumbnails:Renditions:1:Name"] = "thumb",
        ["Thumbnails:Renditions:1:LongestSidePixels"] = "256",
    };
}
