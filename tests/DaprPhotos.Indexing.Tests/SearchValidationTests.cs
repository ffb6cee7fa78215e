using System.Net;
using System.Text.Json;
using DaprPhotos.Indexing.Tests.Support;

namespace DaprPhotos.Indexing.Tests;

/// <summary>A bad parameter is a problem-details 400 that names it; nothing reaches the store.</summary>
public sealed class SearchValidationTests(SampleIndex index) : IClassFixture<SampleIndex>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=%21%21%3F", "q")]
    [InlineData("q=a+b+c+d+e+f+g+h+i", "q")]
    [InlineData("tag=%2D%2D", "tag")]
    [InlineData("camera=%2A", "camera")]
    [InlineData("q=sun&pageSize=0", "pageSize")]
    [InlineData("q=sun&pageSize=101", "pageSize")]
    [InlineData("q=sun&pageSize=ten", "pageSize")]
    [InlineData("near=91,0", "near")]
    [InlineData("near=48.8", "near")]
    [InlineData("near=north,east", "near")]
    [InlineData("q=sun&radiusKm=5", "radiusKm")]
    [InlineData("near=48.8,2.3&radiusKm=0", "radiusKm")]
    [InlineData("near=48.8,2.3&radiusKm=501", "radiusKm")]
    [InlineData("takenFrom=yesterday", "takenFrom")]
    [InlineData("takenTo=2024-13-01", "takenTo")]
    [InlineData("takenFrom=2024-02-01&takenTo=2024-01-01", "takenTo")]
    [InlineData("orientation=diagonal", "orientation")]
    [InlineData("q=sun&sort=random", "sort")]
    [InlineData("tag=paris&sort=relevance", "sort")]
    [InlineData("q=sun&continuationToken=not-a-token", "continuationToken")]
    public async Task AnInvalidParameterIsNamedInAProblem(string query, string parameter)
    {
        var calls = index.App.Environment.Calls.Snapshot().Count;

        var response = await index.App.Client.GetAsync($"/search?{query}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _),
            problem.RootElement.ToString());
        Assert.Equal(calls, index.App.Environment.Calls.Snapshot().Count);
    }

    [Fact]
    public async Task ATokenOfAnotherSearchIsRefused()
    {
        var page = await index.App.SearchAsync("q=sun&pageSize=1", Cancellation);

        var response = await index.App.Client.GetAsync(
            $"/search?q=beach&pageSize=1&continuationToken={Uri.EscapeDataString(page.ContinuationToken!)}",
            Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("continuationToken", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task ATokenStillWorksWithADifferentPageSize()
    {
        var page = await index.App.SearchAsync("q=sun&pageSize=1", Cancellation);

        var rest = await index.App.SearchAllAsync("q=sun&pageSize=3", Cancellation, page.ContinuationToken);

        Assert.Equal(4, rest.Count + 1);
    }
}
