using System.Net;
using System.Net.Http.Headers;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>Size limits and broken forms: a problem that names the limit, and nothing stored.</summary>
public sealed class UploadLimitTests
{
    private const long MiB = 1024 * 1024;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadOverMaxUploadBytesIsRefusedBeforeAnythingIsStored()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var sixtyMegabytes = new byte[60_000_000];
        TestImages.Jpeg().CopyTo(sixtyMegabytes, 0);

        using var response = await app.UploadAsync(sixtyMegabytes, cancellationToken: Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancellation);
        Assert.Contains("MaxUploadBytes", problem.Detail, Ordinal);
        Assert.Empty(app.StoredKeys("blobs"));
        Assert.Empty(app.StoredKeys("photos"));
    }

    [Fact]
    public async Task AChunkedUploadOverMaxUploadBytesIsRefusedAndLeavesNoChunk()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var file = new StreamContent(new GeneratedBody(TestImages.Jpeg(), 51 * MiB));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        using var response = await app.PostFormAsync(file, "big.jpg", cancellationToken: Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge, Cancellation);
        Assert.Contains("MaxUploadBytes", problem.Detail, Ordinal);
        Assert.Empty(app.StoredKeys("blobs"));
        Assert.Empty(app.StoredKeys("photos"));
    }

    [Fact]
    public async Task ATruncatedJpegIsRefusedAsUnprocessable()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var cut = TestImages.Truncate(TestImages.Jpeg(640, 480), 0.6);

        using var response = await app.UploadAsync(cut, cancellationToken: Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.UnprocessableEntity, Cancellation);
        Assert.Contains("end marker", problem.Detail, Ordinal);
        Assert.Empty(app.StoredKeys("blobs"));
    }

    [Fact]
    public async Task AnEmptyFileIsABadRequest()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        using var response = await app.UploadAsync([], cancellationToken: Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest, Cancellation);
        Assert.Contains("empty", problem.Detail, Ordinal);
    }

    [Fact]
    public async Task AFormWithoutAFileFieldIsABadRequest()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        using var form = new MultipartFormDataContent { { new StringContent("Beach"), "title" } };

        using var response = await app.Client.PostAsync("/photos", form, Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest, Cancellation);
        Assert.Contains("'file'", problem.Detail, Ordinal);
    }

    [Fact]
    public async Task ARequestThatIsNotAMultipartFormIsAnUnsupportedMediaType()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        using var body = new ByteArrayContent(TestImages.Jpeg());
        body.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        using var response = await app.Client.PostAsync("/photos", body, Cancellation);

        // Routing answers this one (the endpoint accepts only multipart/form-data), before the handler.
        await Problems.ReadAsync(response, HttpStatusCode.UnsupportedMediaType, Cancellation);
    }
}
