using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Tests.Support;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Indexing.Tests;

/// <summary>A deleted photo leaves every result, and a late event cannot bring it back.</summary>
public sealed class DeletionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADeletedPhotoIsNeverReturnedAndLeavesNoEntry()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var photo = Photos.Thumbnailed("Lighthouse at dawn", tags: ["coast"], cameraMake: "Nikon",
            takenAt: DateTimeOffset.UtcNow.AddDays(-3), latitude: 47.2, longitude: -1.5);
        var neighbour = Photos.Thumbnailed("Lighthouse at dusk", tags: ["coast"]);
        await app.DeliverAsync(photo, Cancellation);
        await app.DeliverAsync(neighbour, Cancellation);

        var settled = await app.DeliverAsync(Photos.Deleted(photo.PhotoId), Cancellation);

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        foreach (var query in new[] { "q=lighthouse", "tag=coast", "camera=nikon", "near=47.2,-1.5",
            "orientation=landscape", $"takenFrom={DateTimeOffset.UtcNow.AddDays(-10):yyyy-MM-dd}" })
        {
            Assert.DoesNotContain(photo.PhotoId, await app.SearchAllAsync(query, Cancellation));
        }

        Assert.Equal([neighbour.PhotoId], await app.SearchAllAsync("q=lighthouse", Cancellation));
        Assert.Empty(app.PostingsHolding(photo.PhotoId));
    }

    [Fact]
    public async Task APhotoThumbnailedArrivingAfterTheDeleteIsAcknowledgedAndNotIndexed()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var photo = Photos.Thumbnailed("Ghost town");
        await app.DeliverAsync(Photos.Deleted(photo.PhotoId), Cancellation);

        var settled = await app.DeliverAsync(photo, Cancellation);

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Empty(await app.SearchAllAsync("q=ghost", Cancellation));
        Assert.Empty(app.PostingsHolding(photo.PhotoId));
        Assert.DoesNotContain(app.Environment.PublishedEvents<PhotoIndexed>(Topics.PhotoIndexed),
            indexed => indexed.PhotoId == photo.PhotoId);
    }

    [Fact]
    public async Task ADeleteRacingTheIndexingOfThePhotoLeavesNothingBehind()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var indexer = app.Service<PhotoIndexer>();
        var photos = Enumerable.Range(0, 20)
            .Select(i => Photos.Thumbnailed($"Race {i}", tags: ["race"]))
            .ToList();

        await Task.WhenAll(photos.SelectMany(photo => new[]
        {
            Task.Run(() => indexer.IndexAsync(photo, Cancellation), Cancellation),
            Task.Run(
                () => indexer.RemoveAsync(photo.PhotoId, DateTimeOffset.UtcNow, Cancellation), Cancellation),
        }));

        Assert.Empty(await app.SearchAllAsync("tag=race", Cancellation));
        Assert.All(photos, photo => Assert.Empty(app.PostingsHolding(photo.PhotoId)));
    }

    [Fact]
    public async Task ARedeliveredDeleteIsHarmless()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var photo = Photos.Thumbnailed("Twice gone");
        await app.DeliverAsync(photo, Cancellation);
        var deleted = Photos.Deleted(photo.PhotoId);

        await app.DeliverAsync(deleted, Cancellation);
        var again = await app.DeliverAsync(deleted, Cancellation);

        Assert.Equal(SettleReason.Acknowledged, again.Reason);
        var (record, _) = await app.Service<PhotoDocuments>().GetAsync(photo.PhotoId, Cancellation);
        Assert.True(record!.IsDeleted);
        Assert.Null(record.Document);
    }
}
