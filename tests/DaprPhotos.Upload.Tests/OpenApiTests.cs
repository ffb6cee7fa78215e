using System.Text.Json;
using DaprPhotos.Upload.Tests.Support;

namespace DaprPhotos.Upload.Tests;

/// <summary>The OpenAPI document declares the problems each operation can answer.</summary>
public sealed class OpenApiTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheUploadOperationDeclaresItsProblemResponses()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);

        var json = await app.Client.GetStringAsync("/openapi/v1.json", Cancellation);

        using var document = JsonDocument.Parse(json);
        var photos = document.RootElement.GetProperty("paths").EnumerateObject()
            .Single(path => path.Name.TrimEnd('/') == "/photos");
        var statuses = photos.Value.GetProperty("post").GetProperty("responses").EnumerateObject()
            .Select(response => response.Name)
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "202", "400", "413", "415", "422" }, statuses);
    }
}
