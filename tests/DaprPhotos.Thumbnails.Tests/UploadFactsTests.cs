using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>
/// photo-thumbnailed carries upload's facts on, since indexing reads no other service's store.
/// </summary>
public sealed class UploadFactsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThumbnailedCarriesTheUploadersTitleTagsAndFileName()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var stored = await app.UploadAsync(TestPhotos.Jpeg(400, 300), Cancellation);
        var uploaded = stored with
        {
            EventId = Guid.NewGuid(),
            PhotoId = Guid.CreateVersion7().ToString("N"),
            Title = "Crème brûlée",
            Tags = ["dessert", "paris"],
            FileName = "creme.jpg",
        };
        await app.ThumbnailedAsync(stored.PhotoId, Cancellation);

        await app.PublishAsync(uploaded with { OriginalKey = stored.OriginalKey }, Cancellation);

        var thumbnailed = await app.Environment.WaitForEventAsync<PhotoThumbnailed>(
            Topics.PhotoThumbnailed, e => e.PhotoId == uploaded.PhotoId, cancellationToken: Cancellation);
        var facts = thumbnailed.Upload;
        Assert.NotNull(facts);
        Assert.Equal(
            ("creme.jpg", "Crème brûlée", "dessert,paris", uploaded.OccurredAt),
            (facts.FileName, facts.Title, string.Join(",", facts.Tags), facts.UploadedAt));
    }
}
