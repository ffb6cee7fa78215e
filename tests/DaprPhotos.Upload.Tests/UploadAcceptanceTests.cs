using System.Net;
using System.Net.Http.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

public sealed class UploadAcceptanceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAcceptedUploadIsStoredRecordedAndAnnounced()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var jpeg = TestImages.Jpeg(320, 240);

        using var response = await app.UploadAsync(jpeg, "holiday.jpg",
            fields: [new("title", "Beach"), new("tags", "sea, sand")], cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var photo = await response.Content.ReadFromJsonAsync<PhotoResponse>(Cancellation);
        Assert.NotNull(photo);
        Assert.Equal($"/photos/{photo.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(PhotoStatus.Uploaded, photo.Status);
        Assert.Equal((320, 240, "JPEG"), (photo.Width, photo.Height, photo.Format));
        Assert.Equal(["sea", "sand"], photo.Tags);
        var uploaded = await app.Environment.WaitForEventAsync<PhotoUploaded>(
            Topics.PhotoUploaded, e => e.PhotoId == photo.Id, cancellationToken: Cancellation);
        Assert.Equal(photo.Sha256, uploaded.Sha256);
        using var original = await app.Client.GetAsync($"/photos/{photo.Id}/original", Cancellation);
        Assert.Equal(jpeg, await original.Content.ReadAsByteArrayAsync(Cancellation));
    }
}
