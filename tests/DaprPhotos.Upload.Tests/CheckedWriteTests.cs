using DaprPhotos.Upload.Storage;
using DaprPhotos.Upload.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DaprPhotos.Upload.Tests;

/// <summary>
/// Writers that meet on one key of the <c>photos</c> store never lose each other's change, also
/// when the key does not exist yet (an empty ETag alone would let the last creator win).
/// </summary>
public sealed class CheckedWriteTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WritersCreatingOneSetTogetherLoseNoItem()
    {
        await using var app = await UploadApplication.StartAsync(Cancellation);
        var sets = app.Services.GetRequiredService<StateSets>();
        var items = Enumerable.Range(0, 24).Select(i => $"item-{i}").ToList();

        await Task.WhenAll(items.Select(item => Task.Run(
            () => sets.AddAsync("test/new-set", item, Cancellation), Cancellation)));

        Assert.Equal(items.Order(), (await sets.ReadAsync<string>("test/new-set", Cancellation)).Order());
    }
}
