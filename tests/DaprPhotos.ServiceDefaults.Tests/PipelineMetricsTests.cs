using DaprPhotos.ServiceDefaults.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DaprPhotos.ServiceDefaults.Metrics.PipelineMetricNames;
using static DaprPhotos.ServiceDefaults.Tests.PipelineCollectors;

namespace DaprPhotos.ServiceDefaults.Tests;

/// <summary>What each step's call records, tags and units included.</summary>
public sealed class PipelineMetricsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddMetrics()
        .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
        .AddSingleton<PipelineMetrics>()
        .BuildServiceProvider();

    private PipelineMetrics Metrics => _services.GetRequiredService<PipelineMetrics>();

    [Fact]
    public void ADeadLetterIsCountedWithItsTopicAndSubscriber()
    {
        using var deadLettered = Collect<long>(_services, PhotosDeadLettered);

        Metrics.DeadLettered("photo-uploaded", "thumbnails");

        var counted = Assert.Single(deadLettered.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal("photo-uploaded", counted.Tags[TopicTag]);
        Assert.Equal("thumbnails", counted.Tags[AppIdTag]);
        Assert.Equal("{photo}", deadLettered.Instrument?.Unit);
    }

    [Fact]
    public void AFailureIsCountedWithItsAppAndStage()
    {
        using var failed = Collect<long>(_services, PhotosFailed);

        Metrics.Failed("thumbnails", "decode");

        var counted = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(("thumbnails", "decode"), (counted.Tags[AppIdTag], counted.Tags[StageTag]));
    }

    [Fact]
    public void ARenderIsCountedAndTimedInSeconds()
    {
        using var rendered = Collect<long>(_services, PhotosRendered);
        using var duration = Collect<double>(_services, RenderDuration);

        Metrics.Rendered(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(1, Assert.Single(rendered.GetMeasurementSnapshot()).Value);
        Assert.Equal(1.5, Assert.Single(duration.GetMeasurementSnapshot()).Value);
        Assert.Equal("s", duration.Instrument?.Unit);
    }

    [Fact]
    public void LagFromAPublisherWhoseClockRunsAheadIsZero()
    {
        var lag = Metrics.LagOf(Now.AddSeconds(5));

        Assert.Equal(TimeSpan.Zero, lag);
    }

    [Fact]
    public void AnEventWithoutATimeHasNoLag()
    {
        var lag = Metrics.LagOf(default);

        Assert.Null(lag);
    }

    public void Dispose() => _services.Dispose();
}
