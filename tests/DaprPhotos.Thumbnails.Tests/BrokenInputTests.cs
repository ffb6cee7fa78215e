using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>
/// Originals that can never be rendered, stored straight into blobs (upload's checks bypassed):
/// each gives photo-failed with a reason, then one delivery that ends in the dead-letter topic.
/// </summary>
public sealed class BrokenInputTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATruncatedJpegFailsAtDecodeAndIsDeadLettered()
    {
        var truncated = TestPhotos.Truncate(TestPhotos.Jpeg(800, 600), 0.6);

        var (failed, settled, attempts) = await RenderBrokenAsync(truncated);

        Assert.Equal("decode", failed.Stage);
        Assert.Contains("truncated", failed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((SettleReason.DeadLettered, 1), (settled, attempts));
    }

    [Fact]
    public async Task AnEmptyFileFailsAtInspectAndIsDeadLettered()
    {
        var (failed, settled, attempts) = await RenderBrokenAsync([]);

        Assert.Equal("inspect", failed.Stage);
        Assert.Equal((SettleReason.DeadLettered, 1), (settled, attempts));
    }

    [Fact]
    public async Task APngDeclaringFiftyThousandPixelsASideFailsTheLimitsAndIsDeadLettered()
    {
        var (failed, settled, attempts) = await RenderBrokenAsync(TestPhotos.PngDeclaring(50_000, 50_000));

        Assert.Equal("inspect", failed.Stage);
        Assert.Contains("50000 x 50000", failed.Reason, StringComparison.Ordinal);
        Assert.Equal((SettleReason.DeadLettered, 1), (settled, attempts));
    }

    [Fact]
    public async Task ATiffIsRefusedAsUnsupportedAndIsDeadLettered()
    {
        var (failed, settled, attempts) = await RenderBrokenAsync(TestPhotos.Tiff(64, 48));

        Assert.Equal("inspect", failed.Stage);
        Assert.Contains("TIFF", failed.Reason, StringComparison.Ordinal);
        Assert.Equal((SettleReason.DeadLettered, 1), (settled, attempts));
    }

    [Fact]
    public async Task ADeadLetteredPhotoLeavesNoRenditions()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var truncated = TestPhotos.Truncate(TestPhotos.Jpeg(800, 600), 0.6);

        var uploaded = await app.UploadAsync(truncated, Cancellation);

        await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        Assert.DoesNotContain(app.Environment.StateStore(ComponentNames.Blobs).Keys,
            key => key.Contains($"rendition/{uploaded.PhotoId}/", StringComparison.Ordinal));
    }

    private static async Task<(PhotoFailed Failed, SettleReason Settled, int Attempts)> RenderBrokenAsync(
        byte[] original)
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(original, Cancellation);

        var failed = await app.FailedAsync(uploaded.PhotoId, Cancellation);
        var settled = await app.SettledAsync(Topics.PhotoUploaded, uploaded.PhotoId, Cancellation);
        await app.Environment.WaitForEventAsync<PhotoUploaded>(
            Topics.DeadLetter(Topics.PhotoUploaded, AppIds.Thumbnails), e => e.PhotoId == uploaded.PhotoId,
            cancellationToken: Cancellation);
        return (failed, settled.Reason, app.Attempts(Topics.PhotoUploaded, uploaded.PhotoId).Count);
    }
}
