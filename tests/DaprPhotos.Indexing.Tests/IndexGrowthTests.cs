using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Tests.Support;
using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.Indexing.Tests;

/// <summary>
/// A popular term costs the same to write and to page through however many photos carry it: its
/// posting lists are split by the month photos were taken, and a read too large for one sidecar
/// response is made in parts.
/// </summary>
public sealed class IndexGrowthTests
{
    private static readonly DateTimeOffset FirstMonth = new(2022, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WritingAPhotoTouchesOnlyThePostingsOfTheMonthItWasTaken()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        await IndexAsync(app, MonthlyPhotos("everyday", months: 12, perMonth: 3));
        var photo = Photos.Thumbnailed("One more day", tags: ["everyday"], takenAt: FirstMonth.AddMonths(5));
        var indexer = app.Service<PhotoIndexer>();

        var calls = await app.CallsDuringAsync(() => indexer.IndexAsync(photo, Cancellation));

        var keys = calls.PostingKeys();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("/202206/", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASearchByCaptureTimeReadsOnlyTheNewestMonthsItNeedsAndPagesThroughTheRest()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var photos = MonthlyPhotos("monthly", months: 30, perMonth: 2);
        await IndexAsync(app, photos);

        var calls = await app.CallsDuringAsync(() => app.SearchAsync("tag=monthly&pageSize=3", Cancellation));
        var all = await app.SearchAllAsync("tag=monthly&pageSize=7", Cancellation);

        // A page of 3 examines 7 candidates: the first step reads 2 months (4 photos), the next 16.
        var months = calls.PostingKeys().Select(key => key.Split('/')[2]).Distinct().Order().ToList();
        Assert.Equal(18, months.Count);
        Assert.Equal("202406", months[^1]);
        var newestFirst = photos.OrderByDescending(photo => photo.Metadata.TakenAt)
            .ThenBy(photo => photo.PhotoId, StringComparer.Ordinal)
            .Select(photo => photo.PhotoId);
        Assert.Equal(newestFirst, all);
    }

    [Fact]
    public async Task APostingListLargerThanOneSidecarResponseIsReadInPartsAndEveryPhotoFound()
    {
        // Stricter than daprd's 4 MiB, so a few hundred photos outgrow one response.
        const int MaxBodySizeBytes = 16 * 1024;
        await using var app = await IndexingApplication.StartAsync(
            Cancellation, new TestSidecarOptions { MaxBodySizeBytes = MaxBodySizeBytes });
        var photos = Enumerable.Range(0, 300)
            .Select(i => Photos.Thumbnailed("Crowd", tags: ["crowd"], takenAt: FirstMonth.AddMinutes(i),
                uploadedAt: FirstMonth.AddMinutes(i)))
            .ToList();
        await IndexAsync(app, photos);

        var calls = await app.CallsDuringAsync(
            () => app.SearchAsync("tag=crowd&sort=uploaded&pageSize=5", Cancellation));
        var all = await app.SearchAllAsync("tag=crowd&sort=uploaded&pageSize=5", Cancellation);

        Assert.True(app.PostingBytesOf("tag:crowd") > MaxBodySizeBytes);
        Assert.InRange(calls.Count, 3, 8);
        Assert.Equal(photos.Select(photo => photo.PhotoId).Reverse(), all);
    }

    private static List<PhotoThumbnailed> MonthlyPhotos(string tag, int months, int perMonth) =>
        [.. Enumerable.Range(0, months * perMonth).Select(i => Photos.Thumbnailed(
            $"Photo {i}", tags: [tag], takenAt: FirstMonth.AddMonths(i / perMonth).AddHours(i % perMonth)))];

    private static async Task IndexAsync(IndexingApplication app, IEnumerable<PhotoThumbnailed> photos)
    {
        var indexer = app.Service<PhotoIndexer>();
        foreach (var photo in photos)
        {
            await indexer.IndexAsync(photo, Cancellation);
        }
    }
}
