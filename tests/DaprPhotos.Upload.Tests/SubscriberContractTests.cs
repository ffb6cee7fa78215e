using System.Net;
using System.Net.Http.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>How upload's subscriber endpoints answer daprd: never a retry for what cannot succeed.</summary>
public sealed class SubscriberContractTests
{
    // "Not retried" is counted in attempts, and daprd retries a delivery that outlasts its 60 s
    // timeout: at the default 100x clock that is 600 ms, which a cold endpoint on a busy machine
    // can take. At 5x it is 12 s of wall time.
    private static readonly DaprTestEnvironmentOptions PatientClock =
        new() { Time = new AcceleratedTimeProvider(5) };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEventForAnUnknownPhotoIsAcknowledgedNotRetried()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation, options: PatientClock);

        var settled = await app.DeliverAsIndexingAsync(PhotoEvents.Indexed("no-such-photo"), Cancellation);

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Single(app.DeliveriesOf(settled));
    }

    public static IEnumerable<TheoryDataRow<string, string>> Unreadable =>
    [
        new("{\"eventId\": \"not a guid\", \"photoId\": 42}", "application/json"),
        new("[1, 2, 3]", "application/json"),
        new("thumbnails finished photo 7", "text/plain"),
    ];

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task AnUnreadableEventIsDroppedRatherThanRetried(string body, string contentType)
    {
        await using var app = await UploadApplication.StartAsync(Cancellation, options: PatientClock);

        await app.PublishRawAsThumbnailsAsync(Topics.PhotoThumbnailed, body, contentType, Cancellation);
        var settled = await app.SettledByUploadAsync(Topics.PhotoThumbnailed, "", Cancellation);

        Assert.True(settled.Reason is SettleReason.Dropped or SettleReason.DeadLettered, $"{settled.Reason}");
        Assert.Single(app.DeliveriesOf(settled));
    }

    [Fact]
    public async Task ASuccessfulDeliveryIsAnsweredWithAnEmptyBody()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        using var response = await app.Client.PostAsJsonAsync(
            "/events/photo-thumbnailed", PhotoEvents.Thumbnailed(photo.Id), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancellation));
        Assert.Equal(PhotoStatus.Thumbnailed, (await app.GetPhotoAsync(photo.Id, Cancellation)).Status);
    }

    [Fact]
    public async Task WithAnAppTokenTheSidecarsDeliveriesSucceedAndOtherCallersAreRefused()
    {
        var sidecar = new TestSidecarOptions { AppApiToken = "secret" };
        await using var app = await UploadApplication.StartAsync(Cancellation, sidecar);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        var settled = await app.DeliverAsThumbnailsAsync(PhotoEvents.Thumbnailed(photo.Id), Cancellation);
        using var direct = await app.Client.PostAsJsonAsync(
            "/events/photo-thumbnailed", PhotoEvents.Thumbnailed(photo.Id), Cancellation);

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal(PhotoStatus.Thumbnailed, (await app.GetPhotoAsync(photo.Id, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);
    }
}
