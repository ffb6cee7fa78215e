using System.Net;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Reprocessing;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// <c>/admin/reprocess</c>: a durable workflow asks the pipeline again for every outdated or failed
/// photo, batch by batch, and counts what comes back. The other services are played by the test.
/// </summary>
public sealed class ReprocessTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APhotoRenderedWithAnOlderSetIsRenderedAndIndexedAgainWithTheCurrentOne()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var outdated = await app.IndexedPhotoAsync("set-a", Cancellation);
        var current = await app.IndexedPhotoAsync("set-b", Cancellation);
        await app.AnnounceRenditionSetAsync("set-b", Cancellation);

        var job = await app.StartJobAsync(ReprocessApi.Route, null, Cancellation);
        var requested = await app.ReprocessRequestedAsync(outdated.Id, Cancellation);
        await app.AnswerReprocessAsync(requested, "set-b", Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);

        Assert.Equal(
            ("Completed", 1, 1, 0, 0),
            (ended.Status, ended.Total, ended.Done, ended.Failed, ended.Remaining));
        Assert.Equal("set-b", (await app.GetPhotoAsync(outdated.Id, Cancellation)).RenditionSet);
        Assert.Equal((outdated.OriginalKey(), "photo.jpg", job.Id),
            (requested.OriginalKey, requested.Upload.FileName, requested.RequestId));
        Assert.DoesNotContain(app.ReprocessRequests(), request => request.PhotoId == current.Id);
    }

    [Fact]
    public async Task AFailedPhotoIsAskedAgainAndCountsAsFailedWhenItFailsAgain()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var fixable = await app.UploadPhotoAsync(TestImages.Jpeg(seed: 1), Cancellation);
        var broken = await app.UploadPhotoAsync(TestImages.Jpeg(seed: 2), Cancellation);
        await app.DeliverAsThumbnailsAsync(
            PhotoEvents.Failed(fixable.Id, "The sidecar timed out."), Cancellation);
        await app.DeliverAsThumbnailsAsync(
            PhotoEvents.Failed(broken.Id, "The JPEG is corrupt."), Cancellation);
        await app.AnnounceRenditionSetAsync("set-b", Cancellation);

        var job = await app.StartJobAsync(
            ReprocessApi.Route, new ReprocessRequest(Outdated: false, Failed: true), Cancellation);
        await app.AnswerReprocessAsync(await app.ReprocessRequestedAsync(fixable.Id, Cancellation), "set-b",
            Cancellation);
        var again = await app.ReprocessRequestedAsync(broken.Id, Cancellation);
        await app.DeliverAsThumbnailsAsync(
            PhotoEvents.Failed(broken.Id, "The JPEG is still corrupt."), Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);

        Assert.Equal(("Completed", 2, 1, 1), (ended.Status, ended.Total, ended.Done, ended.Failed));
        Assert.Equal(PhotoStatus.Indexed, (await app.GetPhotoAsync(fixable.Id, Cancellation)).Status);
        Assert.Contains("The JPEG is corrupt.", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhotosGoBatchByBatchAndTheNextBatchWaitsForTheLast()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs(batchSize: 2));
        var photos = new List<PhotoResponse>();
        for (var i = 0; i < 3; i++)
        {
            photos.Add(await app.IndexedPhotoAsync("set-a", Cancellation));
        }

        await app.AnnounceRenditionSetAsync("set-b", Cancellation);

        var job = await app.StartJobAsync(ReprocessApi.Route, null, Cancellation);
        var first = await RequestsAsync(app, 2);
        var whileFirstBatchRuns = await app.JobAsync(job.Links.Self, Cancellation);
        foreach (var requested in first)
        {
            await app.AnswerReprocessAsync(requested, "set-b", Cancellation);
        }

        var second = await RequestsAsync(app, 3);
        await app.AnswerReprocessAsync(second[^1], "set-b", Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);

        Assert.Equal(
            ("Running", 0, 2),
            (whileFirstBatchRuns.Status, whileFirstBatchRuns.Batch, whileFirstBatchRuns.Batches));
        Assert.Equal(("Completed", 3, 0, 2), (ended.Status, ended.Done, ended.Failed, ended.Batch));
        Assert.Equal(photos.Select(p => p.Id).Order(), second.Select(r => r.PhotoId).Order());
    }

    [Fact]
    public async Task APhotoThatNeverComesBackCountsAsFailedOnceItsBatchTimesOut()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs(batchTimeoutSeconds: 1));
        var photo = await app.IndexedPhotoAsync("set-a", Cancellation);
        await app.AnnounceRenditionSetAsync("set-b", Cancellation);

        var job = await app.StartJobAsync(ReprocessApi.Route, null, Cancellation);
        await app.ReprocessRequestedAsync(photo.Id, Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);

        Assert.Equal(("Completed", 0, 1, 0), (ended.Status, ended.Done, ended.Failed, ended.Remaining));
    }

    [Fact]
    public async Task ACancelledJobStopsAndKeepsWhatItFinished()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var photo = await app.IndexedPhotoAsync("set-a", Cancellation);
        await app.AnnounceRenditionSetAsync("set-b", Cancellation);
        var job = await app.StartJobAsync(ReprocessApi.Route, null, Cancellation);
        await app.ReprocessRequestedAsync(photo.Id, Cancellation);

        using var cancel = await app.AdminAsync(HttpMethod.Post, job.Links.Cancel, null, Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);
        using var again = await app.AdminAsync(HttpMethod.Post, job.Links.Cancel, null, Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(("Canceled", 0, 0, 1), (ended.Status, ended.Done, ended.Failed, ended.Remaining));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ASecondJobWhileOneRunsIsRefusedNamingTheRunningOne()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var photo = await app.IndexedPhotoAsync("set-a", Cancellation);
        await app.AnnounceRenditionSetAsync("set-b", Cancellation);
        var job = await app.StartJobAsync(ReprocessApi.Route, null, Cancellation);
        await app.ReprocessRequestedAsync(photo.Id, Cancellation);

        using var second = await app.AdminAsync(HttpMethod.Post, ReprocessApi.Route, null, Cancellation);
        var problem = await Problems.ReadAsync(second, HttpStatusCode.Conflict, Cancellation);

        Assert.Contains(job.Id, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobResumesWhereItWasWhenUploadRestartsMidBatch()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs(batchSize: 1));
        PhotoResponse[] photos =
        [
            await app.IndexedPhotoAsync("set-a", Cancellation),
            await app.IndexedPhotoAsync("set-a", Cancellation),
        ];
        await app.AnnounceRenditionSetAsync("set-b", Cancellation);
        var job = await app.StartJobAsync(ReprocessApi.Route, null, Cancellation);
        var firstAsked = (await RequestsAsync(app, 1))[0];
        await app.AnswerReprocessAsync(firstAsked, "set-b", Cancellation);
        var second = photos.Single(photo => photo.Id != firstAsked.PhotoId);
        var secondAsked = await app.ReprocessRequestedAsync(second.Id, Cancellation);

        await app.RestartAsync(Cancellation);
        await app.AnswerReprocessAsync(secondAsked, "set-b", Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);

        // Started over, the job would find one outdated photo; resumed, it finishes the batch it was in.
        Assert.Equal(("Completed", 2, 2, 0), (ended.Status, ended.Total, ended.Done, ended.Failed));
        Assert.Single(app.ReprocessRequests(), request => request.PhotoId == firstAsked.PhotoId);
    }

    [Fact]
    public async Task WithoutAnAnnouncedRenditionSetNoPhotoCountsAsOutdated()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        await app.IndexedPhotoAsync("set-a", Cancellation);

        var job = await app.StartJobAsync(ReprocessApi.Route, null, Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);

        Assert.Equal(("Completed", 0), (ended.Status, ended.Total));
        Assert.Contains("has not announced", ended.Note, StringComparison.Ordinal);
    }

    private static async Task<List<PhotoReprocessRequested>> RequestsAsync(UploadApplication app, int count)
    {
        var seen = new HashSet<string>();
        while (seen.Count < count)
        {
            var next = await app.Environment.Messages.WaitForAsync(
                message => message is MessagePublished published
                    && published.Topic == Topics.PhotoReprocessRequested
                    && !seen.Contains(published.CloudEventId),
                $"reprocess request {seen.Count + 1}", cancellationToken: Cancellation);
            seen.Add(next.CloudEventId);
        }

        return [.. app.ReprocessRequests()];
    }
}
