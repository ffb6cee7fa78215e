using DaprPhotos.Indexing.Search;
using DaprPhotos.Indexing.Terms;

namespace DaprPhotos.Indexing.Tests;

/// <summary>The pieces a search is made of, without a sidecar.</summary>
public sealed class TermTests
{
    [Theory]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("ÇA VA? Ça va!", "ca va ca va")]
    [InlineData("Straße in Łódź", "strasse in lodz")]
    [InlineData("Ærø, Øresund", "aero oresund")]
    [InlineData("IMG_2024-06-21", "img 2024 06 21")]
    [InlineData("  ", "")]
    public void TextFoldsToLowerCaseWordsWithoutMarks(string text, string words) =>
        Assert.Equal(words, string.Join(' ', TextFolding.Words(text)));

    [Fact]
    public void AWordLongerThanAnyoneTypesIsNotAWord() =>
        Assert.Empty(TextFolding.Words(new string('a', TextFolding.MaxWordLength + 1)));

    [Theory]
    [InlineData("New York", "tag:new-york")]
    [InlineData("new-york", "tag:new-york")]
    [InlineData("Été_2024", "tag:ete-2024")]
    public void ATagIsOneTermWhateverItsSeparators(string tag, string term) =>
        Assert.Equal(term, IndexTerms.Tag(tag));

    [Theory]
    [InlineData(48.8584, 2.2945, 10)]
    [InlineData(48.8584, 2.2945, 0.5)]
    [InlineData(-33.86, 151.21, 120)]
    [InlineData(0.1, 179.95, 25)]
    [InlineData(78.22, 15.65, 300)]
    [InlineData(89.9, 0, 50)]
    public void TheCellsOfARadiusContainEveryPointWithinIt(
        double latitude, double longitude, double radiusKm)
    {
        var cover = GeoGrid.Cover(latitude, longitude, radiusKm).ToHashSet();
        var random = new Random(7);

        for (var i = 0; i < 2000; i++)
        {
            var (pointLatitude, pointLongitude) = PointWithin(latitude, longitude, radiusKm, random);
            Assert.Contains(GeoGrid.CellsOf(pointLatitude, pointLongitude), cover.Contains);
        }

        // Two rows of the coarsest grid at most, even where a circle reaches over a pole.
        Assert.InRange(cover.Count, 1, 2 * 90);
    }

    [Fact]
    public void TheOrderIsNewestFirstThenByPhotoId()
    {
        SearchCursor[] cursors =
            [new(5, 0, "b"), new(9, 0, "z"), new(5, 0, "a"), new(long.MinValue, 0, "c")];

        var ordered = cursors.Order(SearchCursor.Order).Select(cursor => cursor.PhotoId);

        Assert.Equal(["z", "a", "b", "c"], ordered);
    }

    // A random bearing and distance (up to 99.9 % of the radius) from the centre, on the sphere.
    private static (double, double) PointWithin(
        double latitude, double longitude, double radiusKm, Random random)
    {
        var angular = random.NextDouble() * 0.999 * radiusKm / GeoGrid.EarthRadiusKm;
        var bearing = random.NextDouble() * 2 * Math.PI;
        var lat1 = latitude * Math.PI / 180;
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(angular)
            + Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearing));
        var lon2 = longitude * Math.PI / 180 + Math.Atan2(
            Math.Sin(bearing) * Math.Sin(angular) * Math.Cos(lat1),
            Math.Cos(angular) - Math.Sin(lat1) * Math.Sin(lat2));
        var lonDegrees = ((lon2 * 180 / Math.PI) + 540) % 360 - 180;
        return (lat2 * 180 / Math.PI, lonDegrees);
    }
}
