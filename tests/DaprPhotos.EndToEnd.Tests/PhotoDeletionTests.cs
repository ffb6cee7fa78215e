using System.Net;
using DaprPhotos.Contracts;
using DaprPhotos.EndToEnd.Tests.Support;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.EndToEnd.Tests;

/// <summary>
/// A deleted photo is gone everywhere: the API shows the tombstone and serves no bytes, search
/// finds nothing, <c>blobs</c> keeps only the tombstone and no posting list names the photo.
/// </summary>
public sealed class PhotoDeletionTests : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Pipeline _pipeline = null!;
    private PhotoView _photo = null!;

    public async ValueTask InitializeAsync()
    {
        _pipeline = await Pipeline.StartAsync(new PipelineOptions(), Cancellation);
        var bytes = SamplePhotos.Jpeg(800, 600, seed: 2, CameraExif.EiffelTower());
        var uploaded = await _pipeline.UploadPhotoAsync(bytes, "tower.jpg", "Tower at dusk", Cancellation);
        _photo = (await _pipeline.WaitForStatusAsync(uploaded.Id, PhotoView.Indexed, Cancellation))!;

        using var deleted = await _pipeline.DeletePhotoAsync(_photo.Id, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await DeletionHandledAsync(AppIds.Thumbnails);
        await DeletionHandledAsync(AppIds.Indexing);
    }

    public async ValueTask DisposeAsync() => await _pipeline.DisposeAsync();

    [Fact]
    public async Task TheApiShowsTheDeletedStatus()
    {
        var photo = await _pipeline.GetPhotoAsync(_photo.Id, Cancellation);

        Assert.Equal(PhotoView.Deleted, photo?.Status);
    }

    [Fact]
    public async Task TheOriginalAndBothRenditionsAnswerNotFound()
    {
        string[] links = [$"/photos/{_photo.Id}/original", .. _photo.Renditions.Select(r => r.Href)];

        var answers = new List<HttpStatusCode>();
        foreach (var link in links)
        {
            using var response = await _pipeline.DownloadAsync(link, Cancellation);
            answers.Add(response.StatusCode);
        }

        Assert.Equal(3, answers.Count);
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.NotFound, answer));
    }

    [Fact]
    public async Task SearchFindsItByNeitherTitleCameraNorPlace()
    {
        var found = new List<string>();
        string[] queries = ["q=dusk", $"camera={CameraExif.Make}", "near=48.8584,2.2945&radiusKm=1"];
        foreach (var query in queries)
        {
            found.AddRange(await _pipeline.SearchAsync(query, Cancellation));
        }

        Assert.Empty(found);
    }

    [Fact]
    public void BlobsKeepOnlyTheTombstone()
    {
        var keys = _pipeline.BlobKeysOf(_photo.Id);

        Assert.Equal([$"tombstone/{_photo.Id}"], keys);
    }

    [Fact]
    public void NoPostingListNamesThePhoto()
    {
        var postings = _pipeline.PostingsHolding(_photo.Id);

        Assert.Empty(postings);
    }

    private Task<MessageEvent> DeletionHandledAsync(string appId) =>
        _pipeline.Environment.Messages.WaitForAsync(
            message => message is MessageSettled settled
                && (settled.Topic, settled.AppId, settled.Reason)
                    == (Topics.PhotoDeleted, appId, SettleReason.Acknowledged),
            $"{appId} handling photo-deleted",
            Pipeline.Patience,
            Cancellation);
}
