using System.Net;
using System.Net.Http.Json;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Upload.Listing;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>GET /photos: newest first, paged, filtered, fed by upload's own photo-uploaded events.</summary>
public sealed class ListingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PhotosAreListedNewestFirstAcrossPages()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var ids = new List<string>();
        for (var seed = 1; seed <= 3; seed++)
        {
            ids.Add(await UploadListedAsync(app, seed));
        }

        var first = await GetPageAsync(app, "/photos?limit=2");
        var second = await GetPageAsync(app, $"/photos?limit=2&continuation={first.Continuation}");

        Assert.Equal([ids[2], ids[1]], first.Items.Select(photo => photo.Id));
        Assert.NotNull(first.Continuation);
        Assert.Equal([ids[0]], second.Items.Select(photo => photo.Id));
        Assert.Null(second.Continuation);
    }

    [Fact]
    public async Task AStatusFilterListsOnlyPhotosInThatStatusAndDeletedPhotosOnlyWhenAsked()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var indexed = await UploadListedAsync(app, 1);
        var deleted = await UploadListedAsync(app, 2);
        var waiting = await UploadListedAsync(app, 3);
        await app.PublishAsIndexingAsync(
            new PhotoIndexed(Guid.NewGuid(), indexed, DateTimeOffset.UtcNow, 3), Cancellation);
        await app.Environment.Messages.WaitForAsync(
            m => m is MessageSettled { Topic: Topics.PhotoIndexed, AppId: AppIds.Upload },
            "photo-indexed handled",
            cancellationToken: Cancellation);
        (await app.Client.DeleteAsync($"/photos/{deleted}", Cancellation)).Dispose();

        var onlyIndexed = await GetPageAsync(app, "/photos?status=Indexed");
        var all = await GetPageAsync(app, "/photos");
        var onlyDeleted = await GetPageAsync(app, "/photos?status=Deleted");

        Assert.Equal([indexed], onlyIndexed.Items.Select(photo => photo.Id));
        Assert.Equal([waiting, indexed], all.Items.Select(photo => photo.Id));
        Assert.Equal([deleted], onlyDeleted.Items.Select(photo => photo.Id));
    }

    [Fact]
    public async Task ATamperedContinuationTokenIsABadRequest()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        using var response = await app.Client.GetAsync("/photos?continuation=not-a-token", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> UploadListedAsync(UploadApplication app, int seed)
    {
        using var response = await app.UploadAsync(
            TestImages.Jpeg(40, 30, seed), cancellationToken: Cancellation);
        var photo = (await response.Content.ReadFromJsonAsync<PhotoResponse>(Cancellation))!;
        await app.Environment.Messages.WaitForAsync(
            m => m is MessageSettled
                {
                    Topic: Topics.PhotoUploaded,
                    AppId: AppIds.Upload,
                    Reason: SettleReason.Acknowledged,
                }
                && app.Environment.PublishedEvents<PhotoUploaded>(Topics.PhotoUploaded)
                    .Any(e => e.PhotoId == photo.Id),
            $"photo {photo.Id} listed",
            cancellationToken: Cancellation);
        await app.Environment.WhenIdleAsync();
        return photo.Id;
    }

    private static async Task<PhotoPage> GetPageAsync(UploadApplication app, string path) =>
        (await app.Client.GetFromJsonAsync<PhotoPage>(path, Cancellation))!;
}
