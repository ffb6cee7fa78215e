using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>
/// A state store that fails for a while. resiliency.yaml retries a blobs call 3 times inside the
/// sidecar (componentRetry) before the app sees an error; only then does the delivery retry.
/// </summary>
public sealed class TransientFaultTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStateFaultTheSidecarRetriesAwayCostsNoRedelivery()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var fault = app.Environment.Faults.FailState(
            appId: AppIds.Thumbnails, store: ComponentNames.Blobs, method: "SaveState", times: 2);

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var settled = await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        Assert.Equal((2, SettleReason.Acknowledged, 1),
            (fault.Injected, settled.Reason, app.Attempts(Topics.PhotoUploaded, uploaded.PhotoId).Count));
    }

    [Fact]
    public async Task AStateFaultThatOutlastsTheSidecarRetriesIsRetriedByDeliveryThenSucceeds()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        app.Environment.Faults.FailState(appId: AppIds.Thumbnails, store: ComponentNames.Blobs,
            method: "SaveState", times: ComponentRetries.FailuresTheSidecarCannotHide);

        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);

        await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var settled = await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        var attempts = app.Attempts(Topics.PhotoUploaded, uploaded.PhotoId);
        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal([DeliveryOutcome.Retry, DeliveryOutcome.Success], attempts.Select(a => a.Outcome));
    }
}
