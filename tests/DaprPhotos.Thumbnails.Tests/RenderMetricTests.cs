using System.Diagnostics.Metrics;
using DaprPhotos.Contracts;
using DaprPhotos.Thumbnails.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static DaprPhotos.ServiceDefaults.Metrics.PipelineMetricNames;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>A photo counts as rendered once per render done, however often it is delivered.</summary>
public sealed class RenderMetricTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APhotoDeliveredTwiceIsCountedAsRenderedOnce()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        using var rendered = Collect<long>(app, PhotosRendered);
        app.Environment.Faults.DuplicateDeliveries(topic: Topics.PhotoUploaded, appId: AppIds.Thumbnails);

        await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        await app.Environment.WhenIdleAsync();
        Assert.Equal(1, Total(rendered));
    }

    [Fact]
    public async Task APhotoPublishedAgainIsNotCountedAgain()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        using var rendered = Collect<long>(app, PhotosRendered);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);

        await app.PublishAsync(uploaded, Cancellation);

        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation, nth: 2);
        Assert.Equal(1, Total(rendered));
    }

    [Fact]
    public async Task ARenderRecordsItsDurationInSeconds()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        using var duration = Collect<double>(app, RenderDuration);

        await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        await app.Environment.WhenIdleAsync();
        Assert.InRange(Assert.Single(duration.GetMeasurementSnapshot()).Value, 0.000_001, 60);
    }

    [Fact]
    public async Task AnUnrenderablePhotoIsCountedAsFailedAtItsStage()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        using var failed = Collect<long>(app, PhotosFailed);

        await app.UploadAsync([], Cancellation);

        await app.Environment.WhenIdleAsync();
        var counted = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal((AppIds.Thumbnails, "inspect"), (counted.Tags[AppIdTag], counted.Tags[StageTag]));
    }

    private static MetricCollector<T> Collect<T>(ThumbnailsApplication app, string instrument)
        where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), MeterName, instrument);

    private static long Total(MetricCollector<long> counter) =>
        counter.GetMeasurementSnapshot().Sum(measurement => measurement.Value);
}
