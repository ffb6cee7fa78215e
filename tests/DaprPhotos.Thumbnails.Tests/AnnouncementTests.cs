using System.Text.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Faults;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>
/// Each instance announces the rendition set it renders as it starts, and keeps trying when it
/// cannot, without ever holding up the service.
/// </summary>
public sealed class AnnouncementTests
{
    private const int AnnounceFailedEventId = 3012;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRenditionSetIsAnnouncedBeforeTheServiceHasStarted()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);

        var announced = Assert.Single(Announcements(app));
        Assert.Equal(
            (app.Options.SetFingerprint, "preview,thumb"),
            (announced.RenditionSet, string.Join(",", announced.Renditions)));
    }

    [Fact]
    public async Task TheAnnouncementIsARenditionSetAnnouncedCloudEventOnThePipelinesBroker()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);

        var published = Assert.Single(app.Environment.Messages.Snapshot().OfType<MessagePublished>(),
            message => message.Topic == Topics.RenditionSetAnnounced);
        using var cloudEvent = JsonDocument.Parse(published.Body);
        var type = cloudEvent.RootElement.GetProperty("type").GetString();
        Assert.Equal(
            (ComponentNames.PubSub, AppIds.Thumbnails, RenditionSetAnnounced.CloudEventType),
            (published.PubSubName, published.PublisherAppId, type));
    }

    [Fact]
    public async Task AFailedFirstAnnouncementIsRetriedUntilItIsPublished()
    {
        FaultRule? fault = null;
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation, faults: faults =>
            fault = faults.FailPublish(AppIds.Thumbnails, Topics.RenditionSetAnnounced,
                times: 2 * ComponentRetries.FailuresTheSidecarCannotHide));

        var announced = await app.Environment.WaitForEventAsync<RenditionSetAnnounced>(
            Topics.RenditionSetAnnounced, _ => true, cancellationToken: Cancellation);
        Assert.Equal(app.Options.SetFingerprint, announced.RenditionSet);
        Assert.Equal(2 * ComponentRetries.FailuresTheSidecarCannotHide, fault!.Injected);
        Assert.Equal(2, app.Logs.Lines.Count(line => line.EventId == AnnounceFailedEventId));
    }

    [Fact]
    public async Task AnAnnouncementThatKeepsFailingNeitherStopsNorHoldsUpRendering()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation, faults: faults =>
            faults.FailPublish(AppIds.Thumbnails, Topics.RenditionSetAnnounced));

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(400, 300), Cancellation);

        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        Assert.Empty(Announcements(app));
    }

    private static IReadOnlyList<RenditionSetAnnounced> Announcements(ThumbnailsApplication app) =>
        app.Environment.PublishedEvents<RenditionSetAnnounced>(Topics.RenditionSetAnnounced);
}
