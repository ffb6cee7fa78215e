using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Upload.Renditions;
using DaprPhotos.Upload.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// Upload keeps the rendition set thumbnails announced last, and drops what it cannot read.
/// </summary>
public sealed class RenditionSetTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheNewestAnnouncementIsTheCurrentSet()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        await app.AnnounceRenditionSetAsync("set-a", Cancellation);
        await app.AnnounceRenditionSetAsync("set-b", Cancellation);

        var current = await app.Services.GetRequiredService<RenditionSets>().CurrentAsync(Cancellation);
        Assert.Equal("set-b", current?.RenditionSet);
    }

    [Fact]
    public async Task AnUnreadableAnnouncementIsDroppedOnceAndChangesNothing()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        await app.AnnounceRenditionSetAsync("set-a", Cancellation);

        await app.PublishRawAsThumbnailsAsync(
            Topics.RenditionSetAnnounced, "{\"eventId\":\"not-a-guid\",\"renditionSet\":\"\"}",
            "application/json", Cancellation);
        var settled = await app.SettledByUploadAsync(
            Topics.RenditionSetAnnounced, "not-a-guid", Cancellation);

        var current = await app.Services.GetRequiredService<RenditionSets>().CurrentAsync(Cancellation);
        Assert.Equal(SettleReason.Dropped, settled.Reason);
        Assert.Single(app.DeliveriesOf(settled));
        Assert.Equal("set-a", current?.RenditionSet);
    }
}
