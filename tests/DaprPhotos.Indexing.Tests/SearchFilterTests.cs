using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Tests.Support;
using static DaprPhotos.Indexing.Tests.Support.SampleIndex;

namespace DaprPhotos.Indexing.Tests;

/// <summary>Each criterion of <c>GET /search</c> alone and combined, on a small shared index.</summary>
public sealed class SearchFilterTests(SampleIndex index) : IClassFixture<SampleIndex>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("q=sunset", "Sunset over the Seine", "Evening walk")]
    [InlineData("q=sun", "Sunset over the Seine", "Sunny beach", "Sundown in Tokyo", "Evening walk")]
    [InlineData("q=sunse", "Sunset over the Seine", "Evening walk")]
    [InlineData("q=mountain lake", "Mountain lake")]
    [InlineData("q=lake mountain", "Mountain lake")]
    [InlineData("q=eiffel", "Crème brûlée at Café de Flore")]
    [InlineData("q=beach", "Sunny beach")]
    [InlineData("q=sunset tokyo")]
    public async Task WordsMatchTitleDescriptionTagsAndFileNameWithTheLastAsAPrefix(
        string query, params string[] titles) =>
        await AssertFinds(query, titles);

    [Theory]
    [InlineData("q=creme")]
    [InlineData("q=CRÈME")]
    [InlineData("q=crème brulee")]
    [InlineData("q=cafe")]
    [InlineData("q=Café de flo")]
    public async Task MatchingIgnoresCaseAndAccents(string query) =>
        await AssertFinds(query, "Crème brûlée at Café de Flore");

    [Theory]
    [InlineData("tag=paris", "Sunset over the Seine", "Crème brûlée at Café de Flore")]
    [InlineData("tag=PARIS&tag=holiday", "Sunset over the Seine")]
    [InlineData("camera=canon", "Sunset over the Seine")]
    [InlineData("camera=eos r5", "Sunset over the Seine")]
    [InlineData("camera=iphone", "Crème brûlée at Café de Flore")]
    [InlineData("camera=fujifilm x-t5", "Sunny beach")]
    [InlineData("orientation=portrait", "Crème brûlée at Café de Flore")]
    [InlineData("orientation=square", "Mountain lake")]
    [InlineData("takenFrom=2024-01-01", "Sunset over the Seine", "Sundown in Tokyo")]
    [InlineData("takenTo=2022-12-31", "Sunny beach", "Evening walk")]
    [InlineData("takenFrom=2023-01-01&takenTo=2023-12-31", "Crème brûlée at Café de Flore")]
    [InlineData("takenFrom=2024-06-21T18:30:00Z&takenTo=2024-06-21T18:30:00Z", "Sunset over the Seine")]
    [InlineData("near=48.8584,2.2945&radiusKm=10",
        "Sunset over the Seine", "Crème brûlée at Café de Flore")]
    [InlineData("near=48.8584,2.2945&radiusKm=3.5", "Crème brûlée at Café de Flore")]
    [InlineData("near=48.8584,2.2945&radiusKm=1")]
    [InlineData("near=43.7,7.25&radiusKm=50", "Sunny beach")]
    [InlineData("near=35.68,139.65", "Sundown in Tokyo")]
    [InlineData("q=sun&tag=holiday&near=48.86,2.35&radiusKm=20", "Sunset over the Seine")]
    [InlineData("tag=holiday&takenFrom=2023-01-01", "Sunset over the Seine")]
    [InlineData("orientation=landscape&camera=sony", "Sundown in Tokyo")]
    public async Task EachFilterAloneAndCombined(string query, params string[] titles) =>
        await AssertFinds(query, titles);

    [Fact]
    public async Task ByTakenNewestFirstWithUndatedPhotosLast()
    {
        var results = await index.App.SearchAsync("q=sun&sort=taken", Cancellation);

        Assert.Equal(
            ["Sundown in Tokyo", "Sunset over the Seine", "Sunny beach", "Evening walk"],
            results.Hits.Select(hit => hit.Title));
    }

    [Fact]
    public async Task ByRelevanceATitleMatchBeatsADescriptionMatchAndAWholeWordBeatsACompletion()
    {
        var sunset = await index.App.SearchAsync("q=sunset", Cancellation);
        var sun = await index.App.SearchAsync("q=sunny", Cancellation);

        Assert.Equal(["Sunset over the Seine", "Evening walk"], sunset.Hits.Select(hit => hit.Title));
        Assert.Equal("Sunny beach", Assert.Single(sun.Hits).Title);
    }

    [Fact]
    public async Task AHitCarriesWhatAListShows()
    {
        var results = await index.App.SearchAsync("q=creme", Cancellation);

        var hit = Assert.Single(results.Hits);
        Assert.Equal(IdOf(CremeBrulee), hit.PhotoId);
        Assert.Equal(CremeBrulee.Metadata.TakenAt, hit.TakenAt);
        Assert.Equal((3000, 4000), (hit.Width, hit.Height));
        Assert.Equal(CremeBrulee.Placeholder, hit.Placeholder);
        Assert.Equal(["preview", "thumb"], hit.Renditions);
        Assert.Null(results.ContinuationToken);
    }

    private async Task AssertFinds(string query, params string[] titles)
    {
        var results = await index.App.SearchAsync(query, Cancellation);
        Assert.Equal(titles.Order(), results.Hits.Select(hit => hit.Title!).Order());
    }

    internal static string Title(PhotoThumbnailed photo) => photo.Upload!.Title!;
}
