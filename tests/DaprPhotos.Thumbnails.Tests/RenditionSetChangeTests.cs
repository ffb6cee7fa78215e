using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Thumbnails.Storage;
using DaprPhotos.Thumbnails.Tests.Support;

namespace DaprPhotos.Thumbnails.Tests;

/// <summary>
/// The rendition spec changes between deploys (same stores, new <c>Thumbnails:Renditions</c>): the
/// set before the current one is kept for the downloads upload still points at, older ones go, and
/// a deleted photo leaves no rendition of any set.
/// </summary>
public sealed class RenditionSetChangeTests
{
    private static readonly Dictionary<string, string?> WebpThumbOnly = Renditions("thumb", 128, "webp");

    private static readonly Dictionary<string, string?> TinyJpegOnly = Renditions("tiny", 64, "jpeg");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADeleteAfterASpecChangeLeavesNoRenditionOfEitherSet()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        var first = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var second = await ReprocessWithAsync(app, WebpThumbOnly, uploaded, first);

        await app.DeleteAsync(uploaded.PhotoId, Cancellation);

        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        Assert.NotEqual(first.RenditionSet, second.RenditionSet);
        Assert.Empty(app.RenditionKeys(uploaded.PhotoId));
    }

    [Fact]
    public async Task ANewSetKeepsTheSetBeforeItForDownloadsStillPointingThere()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        var first = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        await ReprocessWithAsync(app, WebpThumbOnly, uploaded, first);

        foreach (var rendition in first.Renditions)
        {
            Assert.NotNull(await app.Blobs.GetManifestAsync(rendition.Key, Cancellation));
        }
    }

    [Fact]
    public async Task AThirdSetRemovesTheFirstAndKeepsTheSecond()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        var first = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var second = await ReprocessWithAsync(app, WebpThumbOnly, uploaded, first);

        var third = await ReprocessWithAsync(app, TinyJpegOnly, uploaded, second);

        var kept = app.RenditionKeys(uploaded.PhotoId);
        Assert.DoesNotContain(kept, key => IsOf(key, uploaded.PhotoId, first));
        Assert.Contains(kept, key => IsOf(key, uploaded.PhotoId, second));
        Assert.Contains(kept, key => IsOf(key, uploaded.PhotoId, third));
    }

    [Fact]
    public async Task ASetStoredBeforeSetsWereRecordedIsRecordedWhenRepublished()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        var first = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        await app.DeleteRecordAsync(BlobKeys.RenditionSets(uploaded.PhotoId), Cancellation);
        await app.RequestReprocessAsync(uploaded, Cancellation);
        await app.SettledAsync(Topics.PhotoReprocessRequested, uploaded.PhotoId, Cancellation);
        await ReprocessWithAsync(app, WebpThumbOnly, uploaded, first);

        await app.DeleteAsync(uploaded.PhotoId, Cancellation);

        await app.SettledAsync(Topics.PhotoDeleted, uploaded.PhotoId, Cancellation);
        Assert.Empty(app.RenditionKeys(uploaded.PhotoId));
    }

    [Fact]
    public async Task AWriteOfTheStoredSetsThatLosesARaceIsMadeAgainOnWhatTheOtherWriterLeft()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var uploaded = await app.UploadAsync(TestPhotos.Jpeg(800, 600), Cancellation);
        var first = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var race = app.Environment.Faults.RaceWrites(appId: AppIds.Thumbnails, store: ComponentNames.Blobs,
            key: key => key == BlobKeys.RenditionSets(uploaded.PhotoId), times: 1);

        var second = await ReprocessWithAsync(app, WebpThumbOnly, uploaded, first);

        var stored = await app.ReadRecordAsync<StoredSets>(
            BlobKeys.RenditionSets(uploaded.PhotoId), Cancellation);
        Assert.Equal(1, race.Injected);
        Assert.Equal([first.RenditionSet, second.RenditionSet], stored!.Sets.Select(set => set.Fingerprint));
    }

    // Deploys the spec, asks for the photo again and, once that request is settled (superseded sets
    // go after the new one is published), returns the set it was rendered into.
    private static async Task<PhotoThumbnailed> ReprocessWithAsync(
        ThumbnailsApplication app,
        IReadOnlyDictionary<string, string?> renditions,
        PhotoUploaded uploaded,
        PhotoThumbnailed previous)
    {
        await app.RestartAsync(renditions, Cancellation);
        await app.RequestReprocessAsync(uploaded, Cancellation);
        var topic = Topics.PhotoReprocessRequested;
        var requests = Deliveries.CloudEventIds(app, topic, uploaded.PhotoId);
        await app.SettledAsync(topic, uploaded.PhotoId, Cancellation, nth: requests.Count);
        return app.Environment.PublishedEvents<PhotoThumbnailed>(Topics.PhotoThumbnailed)
            .Last(e => e.PhotoId == uploaded.PhotoId && e.RenditionSet != previous.RenditionSet);
    }

    // A stored key of one of the set's renditions (its manifest or a chunk), or its set record.
    private static bool IsOf(string storedKey, string photoId, PhotoThumbnailed set) =>
        set.Renditions.Any(rendition => storedKey.Contains(rendition.Key, StringComparison.Ordinal))
        || storedKey.EndsWith(BlobKeys.RenditionSet(photoId, set.RenditionSet!), StringComparison.Ordinal);

    private static Dictionary<string, string?> Renditions(string name, int longestSide, string format) =>
        new()
        {
            ["Thumbnails:Renditions:0:Name"] = name,
            ["Thumbnails:Renditions:0:LongestSidePixels"] = $"{longestSide}",
            ["Thumbnails:Renditions:0:Format"] = format,
        };
}
