using System.Net;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>Cold start: codecs are warmed before the service is ready, and both costs are logged.</summary>
public sealed class WarmupTests
{
    private const int WarmEventId = 3007;
    private const int FirstRenderEventId = 3008;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CodecsAreWarmBeforeTheServiceStarts()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);

        var warm = app.Logs.Lines.Where(line => line.EventId == WarmEventId);

        Assert.Single(warm);
    }

    [Fact]
    public async Task TheServiceIsHealthyOnceStarted()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheFirstRenderedSetLogsTheTimeSinceProcessStartOnce()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var first = await app.UploadAsync(TestPhotos.Jpeg(400, 300), Cancellation);
        await app.ThumbnailedAsync(first.PhotoId, Cancellation);

        var second = await app.UploadAsync(TestPhotos.Jpeg(400, 300), Cancellation);

        await app.ThumbnailedAsync(second.PhotoId, Cancellation);
        Assert.Single(app.Logs.Lines.Where(line => line.EventId == FirstRenderEventId));
    }
}
