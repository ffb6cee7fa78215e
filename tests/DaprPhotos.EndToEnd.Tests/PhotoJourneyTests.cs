using System.Net;
using DaprPhotos.EndToEnd.Tests.Support;
using SixLabors.ImageSharp;

namespace DaprPhotos.EndToEnd.Tests;

/// <summary>
/// A real camera photo through the three real services: uploaded, rendered, indexed, then found
/// by what a person would remember of it. (The shared photo is uploaded and watched to
/// <c>Indexed</c> by <see cref="IndexedPhoto"/>.)
/// </summary>
public sealed class PhotoJourneyTests(IndexedPhoto indexed) : IClassFixture<IndexedPhoto>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Pipeline Pipeline => indexed.Pipeline;

    private string PhotoId => indexed.Photo.Id;

    [Fact]
    public async Task BothRenditionsOfAnIndexedPhotoDownloadAsImagesOfTheirStatedSize()
    {
        var renditions = indexed.Photo.Renditions;

        var downloaded = new List<(string Name, int Width, int Height)>();
        foreach (var rendition in renditions)
        {
            using var response = await Pipeline.DownloadAsync(rendition.Href, Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var info = Image.Identify(await response.Content.ReadAsByteArrayAsync(Cancellation));
            downloaded.Add((rendition.Name, info.Width, info.Height));
        }

        Assert.Equal([("preview", 1280, 960), ("thumb", 256, 192)], downloaded.Order());
    }

    [Fact]
    public async Task AnIndexedPhotoIsFoundByAWordOfItsTitle()
    {
        var found = await Pipeline.SearchAsync("q=champ", Cancellation);

        Assert.Equal([PhotoId], found);
    }

    [Fact]
    public async Task AnIndexedPhotoIsFoundByItsCamera()
    {
        var found = await Pipeline.SearchAsync($"camera={CameraExif.Make}+{CameraExif.Model}", Cancellation);

        Assert.Equal([PhotoId], found);
    }

    [Fact]
    public async Task AnIndexedPhotoIsFoundWithinAKilometreOfWhereItWasTaken()
    {
        // The Eiffel Tower's own position, a few metres from where the photo's GPS says it was taken.
        var near = "near=48.8584,2.2945&radiusKm=1";

        var found = await Pipeline.SearchAsync(near, Cancellation);

        Assert.Equal([PhotoId], found);
    }

    [Fact]
    public async Task AnIndexedPhotoIsNotFoundOutsideTheRadiusAroundItsPosition()
    {
        // The Louvre, about 3 km away.
        var found = await Pipeline.SearchAsync("near=48.8606,2.3376&radiusKm=1", Cancellation);

        Assert.Empty(found);
    }
}
