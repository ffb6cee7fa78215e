using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Faults;
using DaprPhotos.Upload.Tests.Support;
using DaprPhotos.Upload.Uploads;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// The record and its <c>photo-uploaded</c> event are one outbox transaction: once the record is
/// written, the event arrives even when the publish after it fails.
/// </summary>
public sealed class DeliveryGuaranteeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFailedPublishAfterTheRecordIsWrittenStillDeliversTheEvent()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var killed = app.Environment.Faults.FailPublish(topic: Topics.PhotoUploaded, times: 2);

        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        var uploaded = await app.Environment.WaitForEventAsync<PhotoUploaded>(
            Topics.PhotoUploaded, e => e.PhotoId == photo.Id, cancellationToken: Cancellation);
        Assert.Equal(2, killed.Injected);
        Assert.Equal(photo.Sha256, uploaded.Sha256);
        await app.Environment.WhenIdleAsync();
        Assert.Single(app.Environment.PublishedEvents<PhotoUploaded>(Topics.PhotoUploaded));
    }

    [Fact]
    public async Task TheEventArrivesEvenWhenUploadCouldNotPublishItself()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var upload = AppIds.Upload;
        app.Environment.Faults.FailPublish(upload, Topics.PhotoUploaded, kind: FaultKind.SidecarUnreachable);

        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        var uploaded = await app.Environment.WaitForEventAsync<PhotoUploaded>(
            Topics.PhotoUploaded, e => e.PhotoId == photo.Id, cancellationToken: Cancellation);
        Assert.Equal(photo.Sha256, uploaded.Sha256);
    }

    [Fact]
    public async Task AnUploadCostsAFixedNumberOfSidecarRoundTrips()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var threeMegabytes = TestImages.LargeJpeg(3_000_000);
        var chunks = (int)Math.Ceiling(threeMegabytes.Length / (1024.0 * 1024));

        var plain = await CostAsync(app, threeMegabytes, idempotencyKey: null);
        var keyed = await CostAsync(app, TestImages.LargeJpeg(3_100_000), idempotencyKey: "k-1");

        var blobWrites = plain.Request.Count(call => call is { Method: "SaveState", Component: "blobs" });
        Assert.Equal(chunks + 1, blobWrites);
        Assert.Single(plain.Request, call => call.Method == "ExecuteStateTransaction");
        Assert.DoesNotContain(plain.Request, call => call.Method == "PublishEvent");
        Assert.InRange(plain.Request.Count, chunks + 2, chunks + 5);
        Assert.InRange(keyed.Request.Count - plain.Request.Count, 1, 5);
    }

    /// <summary>
    /// The calls one upload makes for its own keys (chunks, manifest, claims, record), and apart from
    /// them what upload does afterwards because of it (its own photo-uploaded subscribers).
    /// </summary>
    private static async Task<(List<SidecarCall> Request, List<SidecarCall> FollowUp)> CostAsync(
        UploadApplication app, byte[] bytes, string? idempotencyKey)
    {
        await app.Environment.WhenIdleAsync();
        var before = app.Environment.Calls.Snapshot().Count;

        using var response = await app.UploadAsync(bytes, idempotencyKey: idempotencyKey,
            cancellationToken: Cancellation);
        var photo = await UploadApplication.ReadPhotoAsync(response, Cancellation);
        await app.Environment.WhenIdleAsync();

        var keyClaim = idempotencyKey is null ? photo.Id : IdempotencyEntry.StoreKey(idempotencyKey);
        string[] ownKeys = [photo.Id, photo.Sha256, keyClaim];
        var calls = app.Environment.Calls.Snapshot().Skip(before)
            .Where(call => call.AppId == AppIds.Upload)
            .ToList();
        var request = calls.Where(call => ownKeys.Any(key => call.Target.Contains(key, Ordinal))).ToList();
        var followUp = calls.Except(request).ToList();
        Report($"{bytes.Length:N0} bytes, Idempotency-Key {idempotencyKey ?? "none"}", request, followUp);
        return (request, followUp);
    }

    private static void Report(string label, List<SidecarCall> request, List<SidecarCall> followUp) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{label}: {request.Count} round-trips "
            + $"({Tally(request)}); afterwards {followUp.Count} ({Tally(followUp)})");

    private static string Tally(IEnumerable<SidecarCall> calls) =>
        string.Join(", ", calls
            .GroupBy(call => $"{call.Method} {call.Component}")
            .Select(group => $"{group.Count()}x {group.Key}"));
}
