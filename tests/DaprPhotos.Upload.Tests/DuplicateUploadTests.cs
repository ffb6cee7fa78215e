using System.Net;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Tests.Support;
using static System.StringComparison;

namespace DaprPhotos.Upload.Tests;

/// <summary>The same bytes make one photo, until that photo is deleted.</summary>
public sealed class DuplicateUploadTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSameBytesUploadedTwiceGiveOnePhoto()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var jpeg = TestImages.Jpeg(320, 240);
        var first = await app.UploadPhotoAsync(jpeg, "first.jpg", Cancellation);

        using var again = await app.UploadAsync(jpeg, "second.jpg", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await UploadApplication.ReadPhotoAsync(again, Cancellation);
        Assert.Equal((first.Id, true), (second.Id, second.Duplicate));
        await app.Environment.WhenIdleAsync();
        var announced = app.Environment.PublishedEvents<PhotoUploaded>(Topics.PhotoUploaded);
        Assert.Single(announced, e => e.Sha256 == first.Sha256);
        Assert.All(app.StoredKeys("blobs"), key => Assert.StartsWith(first.OriginalKey(), key, Ordinal));
    }

    [Fact]
    public async Task TheDuplicateAnswerSaysSoInItsBody()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var jpeg = TestImages.Jpeg();
        using var first = await app.UploadAsync(jpeg, cancellationToken: Cancellation);

        using var again = await app.UploadAsync(jpeg, cancellationToken: Cancellation);

        Assert.DoesNotContain("\"duplicate\"", await first.Content.ReadAsStringAsync(Cancellation), Ordinal);
        Assert.Contains("\"duplicate\":true", await again.Content.ReadAsStringAsync(Cancellation), Ordinal);
    }

    [Fact]
    public async Task TheSameBytesAfterADeleteMakeANewPhoto()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var jpeg = TestImages.Jpeg();
        var first = await app.UploadPhotoAsync(jpeg, Cancellation);
        using var deleted = await app.Client.DeleteAsync($"/photos/{first.Id}", Cancellation);

        using var again = await app.UploadAsync(jpeg, cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = await UploadApplication.ReadPhotoAsync(again, Cancellation);
        Assert.NotEqual(first.Id, second.Id);
        Assert.False(second.Duplicate);
    }
}
