using System.Diagnostics.Metrics;
using DaprPhotos.Contracts;
using DaprPhotos.Indexing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static DaprPhotos.ServiceDefaults.Metrics.PipelineMetricNames;

namespace DaprPhotos.Indexing.Tests;

/// <summary>A photo counts as indexed once per version indexed, however often it is delivered.</summary>
public sealed class IndexedMetricTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APhotoDeliveredThreeTimesIsCountedAsIndexedOnce()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        using var indexed = Collect<long>(app, PhotosIndexed);
        app.Environment.Faults.DuplicateDeliveries(Topics.PhotoThumbnailed, AppIds.Indexing, copies: 3);

        await app.DeliverAsync(Photos.Thumbnailed("Harbour lights"), Cancellation);

        await app.Environment.WhenIdleAsync();
        Assert.Equal(1, Total(indexed));
    }

    [Fact]
    public async Task ANewVersionOfAPhotoIsCountedAgain()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        using var indexed = Collect<long>(app, PhotosIndexed);
        var first = Photos.Thumbnailed("Old harbour");
        await app.DeliverAsync(first, Cancellation);
        var second = Photos.Thumbnailed(
            "New bridge", photoId: first.PhotoId, occurredAt: first.OccurredAt.AddMinutes(5));

        await app.DeliverAsync(second, Cancellation);

        Assert.Equal(2, Total(indexed));
    }

    [Fact]
    public async Task AnOlderVersionArrivingLateIsNotCounted()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        using var indexed = Collect<long>(app, PhotosIndexed);
        var older = Photos.Thumbnailed("Before the edit");
        var newer = Photos.Thumbnailed(
            "After the edit", photoId: older.PhotoId, occurredAt: older.OccurredAt.AddMinutes(1));
        await app.DeliverAsync(newer, Cancellation);

        await app.DeliverAsync(older, Cancellation);

        Assert.Equal(1, Total(indexed));
    }

    [Fact]
    public async Task AnUnindexablePhotoIsCountedAsFailed()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        using var failed = Collect<long>(app, PhotosFailed);

        await app.DeliverAsync(Photos.Thumbnailed("No size", width: 0, height: 0), Cancellation);

        var counted = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal((AppIds.Indexing, "index"), (counted.Tags[AppIdTag], counted.Tags[StageTag]));
    }

    private static MetricCollector<T> Collect<T>(IndexingApplication app, string instrument)
        where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), MeterName, instrument);

    private static long Total(MetricCollector<long> counter) =>
        counter.GetMeasurementSnapshot().Sum(measurement => measurement.Value);
}
