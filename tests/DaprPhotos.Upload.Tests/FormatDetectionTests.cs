using System.Net;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>The format comes from the bytes, never from the file name or the client's Content-Type.</summary>
public sealed class FormatDetectionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJpegNamedAsAPngIsStoredAsAJpeg()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var jpeg = TestImages.Jpeg();

        using var response = await app.UploadAsync(jpeg, "sunset.png", "image/png",
            cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var photo = await UploadApplication.ReadPhotoAsync(response, Cancellation);
        Assert.Equal(("JPEG", "image/jpeg", "sunset.jpg"), (photo.Format, photo.MediaType, photo.FileName));
        using var original = await app.Client.GetAsync(photo.Links.Original, Cancellation);
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, byte[], string> Unsupported => new()
    {
        { "text", "Dear all, the holiday photos are attached.\n"u8.ToArray(), "an unrecognised format" },
        { "heic", TestImages.HeicHeader(), "HEIC" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task AFileThatIsNoSupportedImageIsUnsupported(string sent, byte[] bytes, string named)
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        using var response = await app.UploadAsync(bytes, $"{sent}.jpg", cancellationToken: Cancellation);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.UnsupportedMediaType, Cancellation);
        Assert.Contains(named, problem.Detail, Ordinal);
        Assert.Contains("JPEG, PNG, GIF and WebP", problem.Detail, Ordinal);
        Assert.Empty(app.StoredKeys("blobs"));
    }
}
