using DaprPhotos.Indexing.Tests.Support;

namespace DaprPhotos.Indexing.Tests;

/// <summary>
/// What a search and an indexed photo cost in sidecar round-trips: the cost that carries over to
/// production, where each is about a millisecond. A search reads the listings of its terms (and of
/// a prefix's completions), the postings of its newest months in a few growing steps, then the
/// page's records; bench/ shows it stays under ten at 100,000 photos.
/// </summary>
public sealed class RoundTripTests(SampleIndex index) : IClassFixture<SampleIndex>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("q=sunset", 3)]
    [InlineData("q=sun", 5)]
    [InlineData("q=creme brulee&tag=paris&camera=iphone", 3)]
    [InlineData("tag=paris&takenFrom=2023-01-01&takenTo=2024-12-31", 3)]
    [InlineData("near=48.8584,2.2945&radiusKm=10", 3)]
    [InlineData("takenFrom=2020-01-01", 4)]
    [InlineData("orientation=landscape&sort=uploaded&pageSize=2", 3)]
    public async Task ASearchCostsAFewBulkReads(string query, int roundTrips)
    {
        var calls = await index.App.CallsDuringAsync(() => index.App.SearchAsync(query, Cancellation));

        Assert.Equal(roundTrips, calls.Count);
        Assert.All(calls, call => Assert.Equal("GetBulkState", call.Method));
    }

    [Fact]
    public async Task IndexingAPhotoCostsAFixedNumberOfRoundTrips()
    {
        // Nothing the searches above ask for, so the order the tests run in changes none of their costs.
        var photo = Photos.Thumbnailed("Quayside at noon", tags: ["quay"], cameraMake: "Leica",
            takenAt: DateTimeOffset.UtcNow, latitude: 59.91, longitude: 10.75);

        var calls = await index.App.CallsDuringAsync(() => index.App.DeliverAsync(photo, Cancellation));

        // Read the record, write it, read the postings, write them (a transaction for the lists that
        // exist and one create-only save for those that do not), read the record again, publish.
        var methods = calls.Select(call => call.Method).ToList();
        Assert.InRange(methods.Count, 6, 7);
        Assert.Equal(2, methods.Count(method => method == "GetState"));
        Assert.Single(methods, method => method == "GetBulkState");
        Assert.Single(methods, method => method == "PublishEvent");
    }
}
