using DaprPhotos.Contracts;
using DaprPhotos.Indexing.Documents;
using DaprPhotos.Indexing.Tests.Support;

namespace DaprPhotos.Indexing.Tests;

/// <summary>Writers that share terms never lose each other's entries.</summary>
public sealed class ConcurrentIndexingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyPhotosSharingATagIndexedAtOnceWithRacingWritersAreAllFound()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        var race = app.Environment.Faults.RaceWrites(
            appId: AppIds.Indexing, store: ComponentNames.Index,
            key: key => key.StartsWith("post/tag:shared/", StringComparison.Ordinal),
            times: 60, probability: 0.5);
        var photos = Enumerable.Range(1, 50)
            .Select(i => Photos.Thumbnailed($"Photo number {i}", tags: ["shared", $"own{i}"]))
            .ToList();
        var indexer = app.Service<PhotoIndexer>();

        await Task.WhenAll(photos.Select(photo => Task.Run(
            () => indexer.IndexAsync(photo, Cancellation), Cancellation)));

        Assert.True(race.Injected > 10, $"only {race.Injected} racing writes were injected");
        var found = await app.SearchAllAsync("tag=shared&pageSize=9", Cancellation);
        Assert.Equal(photos.Select(photo => photo.PhotoId).Order(), found.Order());
        Assert.Equal(photos.Select(photo => photo.PhotoId).Order(), app.PhotosUnder("tag:shared").Order());
    }

    [Fact]
    public async Task PhotosSharingEveryTermThroughPubSubAreAllIndexedOnce()
    {
        await using var app = await IndexingApplication.StartAsync(Cancellation);
        app.Environment.Faults.RaceWrites(appId: AppIds.Indexing, store: ComponentNames.Index,
            times: 40, probability: 0.3);
        var photos = Enumerable.Range(1, 20)
            .Select(_ => Photos.Thumbnailed("Same words everywhere", tags: ["same"], cameraMake: "Canon"))
            .ToList();

        await Task.WhenAll(photos.Select(photo => app.PublishAsync(photo, Cancellation)));
        foreach (var photo in photos)
        {
            await app.SettledAsync(Topics.PhotoThumbnailed, photo.PhotoId, Cancellation);
        }

        var found = await app.SearchAllAsync("q=same words&camera=canon&tag=same&pageSize=6", Cancellation);
        Assert.Equal(photos.Select(photo => photo.PhotoId).Order(), found.Order());
        foreach (var term in new[] { "w:same", "w:words", "tag:same", "cam:canon", "shape:landscape" })
        {
            Assert.Equal(photos.Select(photo => photo.PhotoId).Order(), app.PhotosUnder(term).Order());
        }
    }
}
