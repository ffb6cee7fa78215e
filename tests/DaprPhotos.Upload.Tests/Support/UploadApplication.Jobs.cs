using System.Net;
using System.Net.Http.Json;
using Dapr.Workflow;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Jobs;
using DaprPhotos.Upload.Photos;
using Microsoft.Extensions.DependencyInjection;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>The admin API and its jobs: a key, a quick pace, and waits for a job to end.</summary>
internal sealed partial class UploadApplication
{
    public const string AdminKey = "test-admin-key";

    private static readonly TimeSpan JobPatience = TimeSpan.FromSeconds(60);
    private static int s_photoSeed = 1000;

    /// <summary>Jobs at test pace: batches of <paramref name="batchSize"/>, polls every 20 ms.</summary>
    public static Action<IServiceCollection> QuickJobs(int batchSize = 20, double batchTimeoutSeconds = 30) =>
        services =>
        {
            services.Configure<JobOptions>(jobs =>
            {
                jobs.BatchSize = batchSize;
                jobs.PauseBetweenBatchesSeconds = 0.01;
                jobs.PollIntervalSeconds = 0.02;
                jobs.BatchTimeoutSeconds = batchTimeoutSeconds;
            });
            services.Configure<AdminOptions>(admin => admin.ApiKey = AdminKey);
        };

    public async Task<HttpResponseMessage> AdminAsync(
        HttpMethod method,
        string path,
        object? body,
        CancellationToken cancellationToken,
        string? key = AdminKey)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.Add(AdminKeyFilter.HeaderName, key);
        }

        return await Client.SendAsync(request, cancellationToken);
    }

    /// <summary>Starts a job at <paramref name="path"/>, which must be accepted.</summary>
    public async Task<JobStatusResponse> StartJobAsync(
        string path,
        object? body,
        CancellationToken cancellationToken)
    {
        using var response = await AdminAsync(HttpMethod.Post, path, body, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await ReadJobAsync(response, cancellationToken);
    }

    public async Task<JobStatusResponse> JobAsync(string self, CancellationToken cancellationToken)
    {
        using var response = await AdminAsync(HttpMethod.Get, self, null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await ReadJobAsync(response, cancellationToken);
    }

    /// <summary>Waits for the job's workflow to end (a minute at most), then reads its status.</summary>
    public async Task<JobStatusResponse> JobEndedAsync(
        JobStatusResponse job,
        CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(JobPatience);
        var workflows = Services.GetRequiredService<DaprWorkflowClient>();
        await workflows.WaitForWorkflowCompletionAsync(job.Id, false, patience.Token);
        return await JobAsync(job.Links.Self, cancellationToken);
    }

    /// <summary>
    /// Announces a rendition set as a starting thumbnails instance would, and waits for upload.
    /// </summary>
    public async Task AnnounceRenditionSetAsync(string renditionSet, CancellationToken cancellationToken)
    {
        var announced = new RenditionSetAnnounced(
            Guid.NewGuid(), DateTimeOffset.UtcNow, renditionSet, ["small"]);
        await _thumbnails.PublishEventAsync(ComponentNames.PubSub, RenditionSetAnnounced.Topic, announced,
            new Dictionary<string, string> { ["cloudevent.type"] = RenditionSetAnnounced.CloudEventType },
            cancellationToken);
        await SettledByUploadAsync(RenditionSetAnnounced.Topic, $"{announced.EventId}", cancellationToken);
    }

    /// <summary>
    /// An uploaded photo that thumbnails rendered with <paramref name="renditionSet"/> and indexing indexed.
    /// </summary>
    public async Task<PhotoResponse> IndexedPhotoAsync(
        string renditionSet,
        CancellationToken cancellationToken)
    {
        var photo = await UploadPhotoAsync(
            TestImages.Jpeg(seed: Interlocked.Increment(ref s_photoSeed)), cancellationToken);
        await DeliverAsThumbnailsAsync(
            PhotoEvents.Thumbnailed(photo.Id) with { RenditionSet = renditionSet }, cancellationToken);
        await DeliverAsIndexingAsync(PhotoEvents.Indexed(photo.Id), cancellationToken);
        return photo;
    }

    /// <summary>Every reprocess request upload published so far.</summary>
    public IReadOnlyList<PhotoReprocessRequested> ReprocessRequests() =>
        Environment.PublishedEvents<PhotoReprocessRequested>(Topics.PhotoReprocessRequested);

    /// <summary>The reprocess request upload publishes for <paramref name="photoId"/>.</summary>
    public Task<PhotoReprocessRequested> ReprocessRequestedAsync(
        string photoId,
        CancellationToken cancellationToken) =>
        Environment.WaitForEventAsync<PhotoReprocessRequested>(
            Topics.PhotoReprocessRequested, requested => requested.PhotoId == photoId,
            cancellationToken: cancellationToken);

    /// <summary>
    /// Plays thumbnails and indexing answering a reprocess request with <paramref name="renditionSet"/>.
    /// </summary>
    public async Task AnswerReprocessAsync(
        PhotoReprocessRequested requested, string renditionSet, CancellationToken cancellationToken)
    {
        var rendered = PhotoEvents.Thumbnailed(requested.PhotoId) with
        {
            OccurredAt = requested.OccurredAt,
            RenditionSet = renditionSet,
        };
        await DeliverAsThumbnailsAsync(rendered, cancellationToken);
        await DeliverAsIndexingAsync(PhotoEvents.Indexed(requested.PhotoId), cancellationToken);
    }

    private static async Task<JobStatusResponse> ReadJobAsync(
        HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<JobStatusResponse>(cancellationToken)
        ?? throw new InvalidOperationException("The response has no job.");
}
