using DaprPhotos.Indexing.Tests.Support;

namespace DaprPhotos.Indexing.Tests;

/// <summary>The continuation token walks the whole result once, even while photos are added.</summary>
public sealed class PagingTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagingThroughAllResultsReturnsEachPhotoExactlyOnceInOrder()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var photos = await IndexAsync(app, Enumerable.Range(0, 23), Cancellation);

        var found = await app.SearchAllAsync("tag=pages&pageSize=5", Cancellation);

        // Newest taken first; two photos share each capture time, so the id breaks the tie.
        var expected = photos.OrderByDescending(photo => photo.Metadata.TakenAt)
            .ThenBy(photo => photo.PhotoId, StringComparer.Ordinal)
            .Select(photo => photo.PhotoId);
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task ATokenStaysValidWhilePhotosAreAdded()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var before = await IndexAsync(app, Enumerable.Range(0, 12), Cancellation);
        var first = await app.SearchAsync("tag=pages&pageSize=4&sort=uploaded", Cancellation);

        // Newer and older uploads than the cursor arrive between pages.
        await IndexAsync(app, Enumerable.Range(100, 6), Cancellation);
        await IndexAsync(app, Enumerable.Range(-50, 6), Cancellation);
        var rest = await app.SearchAllAsync(
            "tag=pages&pageSize=4&sort=uploaded", Cancellation, first.ContinuationToken);

        var seen = first.Hits.Select(hit => hit.PhotoId).Concat(rest).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(before, photo => Assert.Single(seen, photo.PhotoId));
    }

    [Fact]
    public async Task TheLastPageHasNoToken()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        await IndexAsync(app, Enumerable.Range(0, 4), Cancellation);

        var page = await app.SearchAsync("tag=pages&pageSize=4", Cancellation);

        Assert.Equal(4, page.Hits.Count);
        Assert.Null(page.ContinuationToken);
    }

    private static async Task<List<Contracts.Events.PhotoThumbnailed>> IndexAsync(
        IndexingApplication app, IEnumerable<int> numbers, CancellationToken cancellationToken)
    {
        var photos = numbers.Select(i => Photos.Thumbnailed($"Page photo {i}", tags: ["pages"],
            takenAt: Start.AddDays(i / 2), uploadedAt: Start.AddMinutes(i))).ToList();
        foreach (var photo in photos)
        {
            await app.DeliverAsync(photo, cancellationToken);
        }

        return photos;
    }
}
