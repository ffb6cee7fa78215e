using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Tests.Support;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Indexing.Tests;

/// <summary>A duplicate or a new version of a photo replaces its entries; nothing stale stays.</summary>
public sealed class RedeliveryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADuplicateDeliveryLeavesOneEntry()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        app.Environment.Faults.DuplicateDeliveries(Topics.PhotoThumbnailed, AppIds.Indexing, copies: 3);
        var photo = Photos.Thumbnailed("Harbour lights", tags: ["night"]);

        var settled = await app.DeliverAsync(photo, Cancellation);
        await app.Environment.WhenIdleAsync();

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal(1, app.EntriesOf("w:harbour", photo.PhotoId));
        Assert.Equal(1, app.EntriesOf("tag:night", photo.PhotoId));
        Assert.Equal([photo.PhotoId], await app.SearchAllAsync("q=harbour", Cancellation));
    }

    [Fact]
    public async Task AReindexWithAChangedTitleFindsTheNewTitleAndNotTheOld()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var first = Photos.Thumbnailed("Old harbour", tags: ["boats"]);
        await app.DeliverAsync(first, Cancellation);

        var second = Photos.Thumbnailed("New bridge", photoId: first.PhotoId, tags: ["boats"],
            occurredAt: first.OccurredAt.AddMinutes(5));
        await app.DeliverAsync(second, Cancellation);

        Assert.Empty(await app.SearchAllAsync("q=harbour", Cancellation));
        Assert.Empty(await app.SearchAllAsync("q=old", Cancellation));
        Assert.Equal([first.PhotoId], await app.SearchAllAsync("q=new bridge", Cancellation));
        Assert.Equal([first.PhotoId], await app.SearchAllAsync("tag=boats", Cancellation));
        Assert.Equal(0, app.EntriesOf("w:harbour", first.PhotoId));
        var (record, _) = await app.Service<PhotoDocuments>().GetAsync(first.PhotoId, Cancellation);
        Assert.Empty(record!.StalePostings);
    }

    [Fact]
    public async Task AReindexWithAChangedCaptureTimeMovesThePhotoToItsNewMonth()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var first = Photos.Thumbnailed(
            "Harbour", tags: ["boats"], takenAt: new(2023, 5, 20, 9, 0, 0, TimeSpan.Zero));
        await app.DeliverAsync(first, Cancellation);

        var second = first with
        {
            EventId = Guid.NewGuid(),
            OccurredAt = first.OccurredAt.AddMinutes(5),
            Metadata = first.Metadata with { TakenAt = new(2024, 7, 1, 9, 0, 0, TimeSpan.Zero) },
        };
        await app.DeliverAsync(second, Cancellation);

        Assert.Empty(
            await app.SearchAllAsync("tag=boats&takenFrom=2023-05-01&takenTo=2023-05-31", Cancellation));
        Assert.Equal([first.PhotoId],
            await app.SearchAllAsync("tag=boats&takenFrom=2024-07-01&takenTo=2024-07-31", Cancellation));
        Assert.All(app.PostingsHolding(first.PhotoId),
            key => Assert.Contains("/202407/", key, StringComparison.Ordinal));
        Assert.Equal(1, app.EntriesOf("tag:boats", first.PhotoId));
    }

    [Fact]
    public async Task AnOlderVersionArrivingLateChangesNothing()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var older = Photos.Thumbnailed("Before the edit");
        var newer = Photos.Thumbnailed("After the edit", photoId: older.PhotoId,
            occurredAt: older.OccurredAt.AddMinutes(1));
        await app.DeliverAsync(newer, Cancellation);

        var settled = await app.DeliverAsync(older, Cancellation);

        Assert.Equal(SettleReason.Acknowledged, settled.Reason);
        Assert.Equal([older.PhotoId], await app.SearchAllAsync("q=after", Cancellation));
        Assert.Empty(await app.SearchAllAsync("q=before", Cancellation));
    }

    [Fact]
    public async Task EachIndexedVersionIsAnnouncedWithItsTermCount()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var photo = Photos.Thumbnailed("Two words", tags: ["one"]);

        await app.DeliverAsync(photo, Cancellation);

        var indexed = Assert.Single(app.Environment.PublishedEvents<PhotoIndexed>(Topics.PhotoIndexed));
        Assert.Equal(photo.PhotoId, indexed.PhotoId);
        Assert.True(indexed.TermCount >= 5, $"{indexed.TermCount} terms");
    }
}
