using DaprPhotos.Contracts;
using DaprPhotos.Indexing.Tests.Support;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Indexing.Tests;

/// <summary>
/// What a search and an indexed photo cost in sidecar round-trips: the cost that carries over to
/// production, where each is about a millisecond. It does not grow with the index (see bench/).
/// </summary>
public sealed class RoundTripTests(SampleIndex index) : IClassFixture<SampleIndex>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("q=sunset", 2)]
    [InlineData("q=sun", 3)]
    [InlineData("q=creme brulee&tag=paris&camera=iphone", 2)]
    [InlineData("tag=paris&takenFrom=2023-01-01&takenTo=2024-12-31", 2)]
    [InlineData("near=48.8584,2.2945&radiusKm=10", 2)]
    [InlineData("takenFrom=2020-01-01", 2)]
    [InlineData("orientation=landscape&sort=uploaded&pageSize=2", 2)]
    public async Task ASearchCostsAtMostThreeBulkReads(string query, int roundTrips)
    {
        var calls = await CallsDuringAsync(() => index.App.SearchAsync(query, Cancellation));

        Assert.Equal(roundTrips, calls.Count);
        Assert.All(calls, call => Assert.Equal("GetBulkState", call.Method));
    }

    [Fact]
    public async Task IndexingAPhotoCostsAFixedNumberOfRoundTrips()
    {
        var photo = Photos.Thumbnailed("Sunset at the harbour", tags: ["paris"], cameraMake: "Canon",
            takenAt: DateTimeOffset.UtcNow, latitude: 48.85, longitude: 2.35);

        var calls = await CallsDuringAsync(() => index.App.DeliverAsync(photo, Cancellation));

        // Read the record, write it, read the postings, write them (a transaction for the lists that
        // exist and one create-only save for those that do not), read the record again, publish.
        var methods = calls.Select(call => call.Method).ToList();
        Assert.InRange(methods.Count, 6, 7);
        Assert.Equal(2, methods.Count(method => method == "GetState"));
        Assert.Single(methods, method => method == "GetBulkState");
        Assert.Single(methods, method => method == "PublishEvent");
    }

    private async Task<List<SidecarCall>> CallsDuringAsync(Func<Task> action)
    {
        var before = index.App.Environment.Calls.Snapshot().Count;
        await action();
        return [.. index.App.Environment.Calls.Snapshot().Skip(before)
            .Where(call => call.AppId == AppIds.Indexing)];
    }
}
