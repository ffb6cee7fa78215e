using System.Net;
using System.Net.Http.Headers;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>The original's bytes: a strong ETag, revalidated caching and a safe file name.</summary>
public sealed class DownloadTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOriginalHasTheContentHashAsAStrongETag()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        using var response = await app.Client.GetAsync(photo.Links.Original, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new EntityTagHeaderValue($"\"{photo.Sha256}\"", isWeak: false), response.Headers.ETag);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AMatchingIfNoneMatchIsNotModified()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Get, photo.Links.Original);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{photo.Sha256}\""));

        using var response = await app.Client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancellation));
    }

    [Fact]
    public async Task TheOriginalIsCachedButRevalidated()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var photo = await app.UploadPhotoAsync(TestImages.Jpeg(), Cancellation);

        using var response = await app.Client.GetAsync(photo.Links.Original, Cancellation);

        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.MaxAge > TimeSpan.Zero);
        Assert.True(cacheControl.MustRevalidate);
    }

    [Fact]
    public async Task AHostileClientFileNameIsServedAsASafeOne()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var file = new ByteArrayContent(TestImages.Jpeg());
        file.Headers.TryAddWithoutValidation("Content-Disposition",
            "form-data; name=\"file\"; filename=\"..\\\\..\\\\etc/pass\\\"wd\u0007\tx.png\"");
        using var upload = await app.PostFormAsync(file, fileName: null, cancellationToken: Cancellation);
        var photo = await UploadApplication.ReadPhotoAsync(upload, Cancellation);

        using var response = await app.Client.GetAsync(photo.Links.Original, Cancellation);

        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        var served = disposition.FileNameStar ?? disposition.FileName?.Trim('"') ?? "";
        Assert.Equal(photo.FileName, served);
        Assert.EndsWith(".jpg", served, Ordinal);
        Assert.DoesNotContain(served, c => c is '/' or '\\' or '"' || char.IsControl(c));
    }
}
