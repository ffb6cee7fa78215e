using System.Net;
using System.Net.Http.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Upload.DeadLetters;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// <c>/admin/dead-letters</c>: every event a service gave up on is kept whole, listed newest first,
/// and can be redriven (published again on its own topic) by a workflow.
/// </summary>
public sealed class DeadLetterTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADeadLetterIsListedWithItsEventAndTheServiceThatGaveUp()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        var thumbnailed = PhotoEvents.Thumbnailed(photo.Id);

        await DeadLetterAsync(app, thumbnailed, AppIds.Indexing);
        var page = await ListAsync(app, "");

        var listed = Assert.Single(page.Items);
        Assert.Equal(
            (Topics.PhotoThumbnailed, AppIds.Indexing, photo.Id,
                thumbnailed.EventId, DeadLetterState.Pending),
            (listed.Topic, listed.SubscriberAppId, listed.PhotoId,
                listed.EventId, listed.State));
        Assert.Equal(PhotoThumbnailed.CloudEventType, listed.CloudEventType);
        Assert.Equal(
            thumbnailed.Renditions[0].Key,
            listed.Event.GetProperty("renditions")[0].GetProperty("key").GetString());
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task ARedeliveredDeadLetterIsOneRecord()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        var deadLetterTopic = Topics.DeadLetter(Topics.PhotoThumbnailed, AppIds.Indexing);
        app.Environment.Faults.DuplicateDeliveries(deadLetterTopic, AppIds.Upload);

        await DeadLetterAsync(app, PhotoEvents.Thumbnailed(photo.Id), AppIds.Indexing);
        var page = await ListAsync(app, "");

        Assert.Equal(1, Assert.Single(page.Items).Times);
        Assert.Equal(1, (await app.GetPhotoAsync(photo.Id, Cancellation)).FailedAttempts);
    }

    [Fact]
    public async Task ARedriveRepublishesTheEventOnItsTopicWithItsIdAndType()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        var thumbnailed = PhotoEvents.Thumbnailed(photo.Id);
        await DeadLetterAsync(app, thumbnailed, AppIds.Indexing);

        var job = await app.StartJobAsync("/admin/dead-letters/redrive", null, Cancellation);
        var ended = await app.JobEndedAsync(job, Cancellation);

        Assert.Equal(("Completed", 1, 1, 0), (ended.Status, ended.Total, ended.Done, ended.Failed));
        var again = app.Environment.Messages.Snapshot().OfType<MessagePublished>()
            .Last(message => message.Topic == Topics.PhotoThumbnailed);
        Assert.Equal(AppIds.Upload, again.PublisherAppId);
        Assert.Contains(
            $"\"type\":\"{PhotoThumbnailed.CloudEventType}\"", again.BodyText, StringComparison.Ordinal);
        Assert.Contains($"{thumbnailed.EventId}", again.BodyText, StringComparison.Ordinal);
        Assert.Equal(DeadLetterState.Redriven, Assert.Single((await ListAsync(app, "")).Items).State);
        Assert.Empty((await ListAsync(app, "?state=Pending")).Items);
    }

    [Fact]
    public async Task AnEventUploadItselfGaveUpOnMovesThePhotoOnOnceRedriven()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id), Cancellation);
        var indexed = PhotoEvents.Indexed(photo.Id);
        await DeadLetterAsync(app, indexed, AppIds.Upload);
        var failed = await app.GetPhotoAsync(photo.Id, Cancellation);

        var job = await app.StartJobAsync("/admin/dead-letters/redrive", null, Cancellation);
        await app.JobEndedAsync(job, Cancellation);
        await app.SettledByUploadAsync(Topics.PhotoIndexed, $"{indexed.EventId}", Cancellation);

        Assert.Equal(PhotoStatus.Failed, failed.Status);
        Assert.Equal(PhotoStatus.Indexed, (await app.GetPhotoAsync(photo.Id, Cancellation)).Status);
    }

    [Fact]
    public async Task ARedriveOfDeadLettersNobodyKnowsIsRefused()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());

        using var response = await app.AdminAsync(
            HttpMethod.Post,
            "/admin/dead-letters/redrive",
            new RedriveRequest(["no-such-dead-letter"]),
            Cancellation);
        var problem = await Problems.ReadValidationAsync(response, Cancellation);

        Assert.Contains(
            "no-such-dead-letter", Assert.Single(problem.Errors["ids"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLettersArePagedNewestFirst()
    {
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: UploadApplication.QuickJobs());
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        var events = new List<PhotoThumbnailed>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(PhotoEvents.Thumbnailed(photo.Id));
            await DeadLetterAsync(app, events[^1], AppIds.Indexing);
        }

        var first = await ListAsync(app, "?limit=2");
        var second = await ListAsync(app, $"?limit=2&continuation={first.Continuation}");

        Assert.Equal(events.Select(e => e.EventId).Reverse(),
            first.Items.Concat(second.Items).Select(item => item.EventId));
        Assert.Null(second.Continuation);
    }

    private static async Task DeadLetterAsync<TEvent>(
        UploadApplication app,
        TEvent deadLettered,
        string subscriber)
        where TEvent : IIntegrationEvent
    {
        var topic = Topics.DeadLetter(TEvent.Topic, subscriber);
        await app.PublishAsThumbnailsAsync(topic, deadLettered, Cancellation);
        await app.SettledByUploadAsync(topic, $"{deadLettered.EventId}", Cancellation);
    }

    private static async Task<DeadLetterPage> ListAsync(UploadApplication app, string query)
    {
        using var response = await app.AdminAsync(
            HttpMethod.Get, $"/admin/dead-letters{query}", null, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<DeadLetterPage>(Cancellation)
            ?? throw new InvalidOperationException("No page.");
    }
}
