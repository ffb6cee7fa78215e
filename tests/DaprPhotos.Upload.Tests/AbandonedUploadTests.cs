using System.Net;
using DaprPhotos.Upload.Janitor;
using DaprPhotos.Upload.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// Bytes an upload leaves behind when it cannot clean up (its process died, or its sidecar went
/// away) are found through the in-flight list and removed by the janitor.
/// </summary>
public sealed class AbandonedUploadTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheJanitorRemovesTheChunksOfAnUploadThatCouldNotCleanUp()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: services => services.AddSingleton<TimeProvider>(clock));
        app.Environment.Faults.FailState(
            store: "blobs", method: "SaveState", key: key => key.EndsWith("chunk/00002", Ordinal));
        app.Environment.Faults.FailState(store: "blobs", method: "DeleteBulkState");
        using var failed = await app.UploadAsync(
            TestImages.LargeJpeg(3_000_000), cancellationToken: Cancellation);
        var leftBehind = app.StoredKeys("blobs");
        app.Environment.Faults.Clear();
        clock.Advance(TimeSpan.FromHours(2));

        var removed = await app.Services.GetRequiredService<AbandonedUploadJanitor>()
            .SweepAsync(Cancellation);

        Assert.True((int)failed.StatusCode >= 500);
        Assert.NotEmpty(leftBehind);
        Assert.Equal(1, removed);
        Assert.Empty(app.StoredKeys("blobs"));
    }

    [Fact]
    public async Task TheJanitorForgetsAFinishedUploadAndKeepsItsBytes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await UploadApplication.StartAsync(
            Cancellation, services: services => services.AddSingleton<TimeProvider>(clock));
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        clock.Advance(TimeSpan.FromHours(2));

        var removed = await app.Services.GetRequiredService<AbandonedUploadJanitor>()
            .SweepAsync(Cancellation);
        var again = await app.Services.GetRequiredService<AbandonedUploadJanitor>()
            .SweepAsync(Cancellation);

        using var original = await app.Client.GetAsync($"/photos/{photo.Id}/original", Cancellation);
        Assert.Equal((0, 0), (removed, again));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
    }
}
