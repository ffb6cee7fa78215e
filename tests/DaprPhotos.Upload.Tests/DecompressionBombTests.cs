using System.Net;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// Files that declare huge images in a few bytes are refused from their header alone: the upload
/// costs a few megabytes, never the gigabytes a decode would.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class DecompressionBombTests
{
    // One refused request through the in-process server and sidecar measures well under 1 MB; a
    // decode of either bomb would need gigabytes (or run into ImageSharp's 256 MB allocation cap).
    private const long Budget = 4 * Allocations.Megabyte;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string> Bombs => ["png-50000x50000", "gif-30000x30000"];

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task AHugeDeclaredImageIsRefusedWithoutAllocatingIt(string bomb)
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var bytes = bomb.StartsWith("png", Ordinal)
            ? TestImages.PngDeclaring(50_000, 50_000)
            : TestImages.GifBomb();
        await WarmUpAsync(app);
        HttpResponseMessage? response = null;

        var allocated = await Allocations.MeasureAsync(async () =>
            response = await app.UploadAsync(bytes, "bomb.png", cancellationToken: Cancellation));

        using var refused = response!;
        var problem = await Problems.ReadAsync(refused, HttpStatusCode.RequestEntityTooLarge, Cancellation);
        Assert.Contains("pixels", problem.Detail, Ordinal);
        Assert.InRange(allocated, 0, Budget);
        Assert.Empty(app.StoredKeys("blobs"));
    }

    // The first request JITs the pipeline and fills pools; only the bomb itself is measured.
    private static async Task WarmUpAsync(UploadApplication app)
    {
        var bomb = TestImages.PngDeclaring(40_000, 40_000);
        using var warmUp = await app.UploadAsync(bomb, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, warmUp.StatusCode);
    }
}
