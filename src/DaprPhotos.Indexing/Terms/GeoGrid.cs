namespace DaprPhotos.Indexing.Terms;

/// <summary>
/// Latitude/longitude grids of five sizes, from 4° cells down to 1/64° (about 1.7 km). A photo
/// with a position is in one cell of each; a radius query reads the cells of the finest grid that
/// covers its circle with few cells, then measures the exact distance of each candidate.
/// </summary>
public static class GeoGrid
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The most cells a radius query reads, unless even the coarsest grid needs more.</summary>
    public const int MaxCellsPerQuery = 16;

    private const double KmPerDegree = Math.PI * EarthRadiusKm / 180;

    private static readonly double[] CellDegrees = [4, 1, 0.25, 1.0 / 16, 1.0 / 64];

    public static IEnumerable<string> CellsOf(double latitude, double longitude)
    {
        for (var level = 0; level < CellDegrees.Length; level++)
        {
            yield return IndexTerms.GeoCell(level, Row(latitude, level), Column(longitude, level));
        }
    }

    /// <summary>Cells that together contain every point within <paramref name="radiusKm"/>.</summary>
    public static IReadOnlyList<string> Cover(double latitude, double longitude, double radiusKm)
    {
        var latitudeSpan = radiusKm / KmPerDegree;

        // Measured where the circle comes closest to a pole, where a degree of longitude is
        // shortest; a circle that reaches over the pole spans every longitude.
        var poleward = Math.Abs(latitude) + latitudeSpan;
        var longitudeSpan = poleward >= 89.999
            ? 180
            : Math.Min(180, radiusKm / (KmPerDegree * Math.Cos(poleward * Math.PI / 180)));

        List<string> cells = [];
        for (var level = CellDegrees.Length - 1; level >= 0; level--)
        {
            cells = CellsIn(level, latitude, longitude, latitudeSpan, longitudeSpan);
            if (cells.Count <= MaxCellsPerQuery)
            {
                break;
            }
        }

        return cells;
    }

    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static List<string> CellsIn(
        int level, double latitude, double longitude, double latitudeSpan, double longitudeSpan)
    {
        var columns = (int)Math.Round(360 / CellDegrees[level]);
        var firstRow = Row(Math.Max(-90, latitude - latitudeSpan), level);
        var lastRow = Row(Math.Min(90, latitude + latitudeSpan), level);
        var columnsInRange = longitudeSpan >= 180
            ? Enumerable.Range(0, columns)
            : ColumnsBetween(longitude - longitudeSpan, longitude + longitudeSpan, level, columns);
        var columnList = columnsInRange.Distinct().ToList();

        List<string> cells = [];
        for (var row = firstRow; row <= lastRow; row++)
        {
            cells.AddRange(columnList.Select(column => IndexTerms.GeoCell(level, row, column)));
        }

        return cells;
    }

    // The range may cross the antimeridian: columns wrap around.
    private static IEnumerable<int> ColumnsBetween(double west, double east, int level, int columns)
    {
        var first = (int)Math.Floor((west + 180) / CellDegrees[level]);
        var last = (int)Math.Floor((east + 180) / CellDegrees[level]);
        for (var column = first; column <= last; column++)
        {
            yield return ((column % columns) + columns) % columns;
        }
    }

    private static int Row(double latitude, int level)
    {
        var rows = (int)Math.Round(180 / CellDegrees[level]);
        return Math.Clamp((int)Math.Floor((latitude + 90) / CellDegrees[level]), 0, rows - 1);
    }

    private static int Column(double longitude, int level)
    {
        var columns = (int)Math.Round(360 / CellDegrees[level]);
        return Math.Clamp((int)Math.Floor((longitude + 180) / CellDegrees[level]), 0, columns - 1);
    }
}
