using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>An upload that fails half-way leaves neither a record nor a chunk behind.</summary>
public sealed class PartialUploadTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStoreFailureMidUploadLeavesNoRecordAndNoChunk()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var threeChunks = TestImages.LargeJpeg(3_000_000);
        app.Environment.Faults.FailState(store: "blobs", method: "SaveState",
            key: key => key.EndsWith("chunk/00002", Ordinal));

        using var response = await app.UploadAsync(threeChunks, cancellationToken: Cancellation);

        Assert.True((int)response.StatusCode >= 500, $"expected a 5xx, got {(int)response.StatusCode}");
        Assert.Equal(Problems.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(app.StoredKeys("photos"), key => key.StartsWith("photo/", Ordinal));
        Assert.Empty(app.StoredKeys("blobs"));
    }
}
