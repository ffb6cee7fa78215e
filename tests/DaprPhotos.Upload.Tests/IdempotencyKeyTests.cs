using System.Net;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>An <c>Idempotency-Key</c> replays the first answer to a retried request.</summary>
public sealed class IdempotencyKeyTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSameKeyReturnsTheFirstAnswerEvenForOtherBytes()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        using var first = await app.UploadAsync(TestImages.Jpeg(seed: 1), idempotencyKey: "retry-1",
            cancellationToken: Cancellation);
        var original = await UploadApplication.ReadPhotoAsync(first, Cancellation);

        using var retried = await app.UploadAsync(TestImages.Jpeg(seed: 2), idempotencyKey: "retry-1",
            cancellationToken: Cancellation);

        Assert.Equal(first.StatusCode, retried.StatusCode);
        var replayed = await UploadApplication.ReadPhotoAsync(retried, Cancellation);
        Assert.Equal((original.Id, original.Sha256), (replayed.Id, replayed.Sha256));
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.All(app.StoredKeys("blobs"), key => Assert.StartsWith(original.OriginalKey(), key, Ordinal));
    }

    [Fact]
    public async Task AKeyLongerThan255CharactersIsABadRequest()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        using var response = await app.UploadAsync(TestImages.Jpeg(), idempotencyKey: new string('k', 256),
            cancellationToken: Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest, Cancellation);
        Assert.Contains("Idempotency-Key", problem.Detail, Ordinal);
        Assert.Empty(app.StoredKeys("photos"));
    }
}
