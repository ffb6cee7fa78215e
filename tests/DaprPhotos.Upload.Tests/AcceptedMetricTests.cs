using System.Diagnostics.Metrics;
using DaprPhotos.ServiceDefaults.Metrics;
using DaprPhotos.Upload.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace DaprPhotos.Upload.Tests;

/// <summary>Only a new photo counts as accepted: not a refusal, a duplicate or a replay.</summary>
public sealed class AcceptedMetricTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAcceptedUploadIsCountedOnce()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        using var accepted = CollectAccepted(app);

        await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        Assert.Equal(1, Total(accepted));
    }

    [Fact]
    public async Task ADuplicateOfAStoredPhotoIsNotCounted()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        using var accepted = CollectAccepted(app);
        var jpeg = TestImages.Jpeg();
        await app.UploadPhotoAsync(jpeg, Cancellation);

        using var duplicate = await app.UploadAsync(jpeg, cancellationToken: Cancellation);

        Assert.Equal(1, Total(accepted));
    }

    [Fact]
    public async Task ARefusedUploadIsNotCounted()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        using var accepted = CollectAccepted(app);

        using var refused = await app.UploadAsync(
            TestImages.HeicHeader(), "photo.heic", "image/heic", cancellationToken: Cancellation);

        Assert.Equal(0, Total(accepted));
    }

    [Fact]
    public async Task AnIdempotencyKeyReplayIsNotCounted()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        using var accepted = CollectAccepted(app);
        using var first = await app.UploadAsync(
            TestImages.Jpeg(seed: 1), idempotencyKey: "retry-1", cancellationToken: Cancellation);

        using var replayed = await app.UploadAsync(
            TestImages.Jpeg(seed: 2), idempotencyKey: "retry-1", cancellationToken: Cancellation);

        Assert.Equal(1, Total(accepted));
    }

    private static MetricCollector<long> CollectAccepted(UploadApplication app) =>
        new(app.Services.GetRequiredService<IMeterFactory>(),
            PipelineMetricNames.MeterName, PipelineMetricNames.PhotosAccepted);

    private static long Total(MetricCollector<long> counter) =>
        counter.GetMeasurementSnapshot().Sum(measurement => measurement.Value);
}
