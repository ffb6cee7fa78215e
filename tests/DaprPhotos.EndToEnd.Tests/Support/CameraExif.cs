using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>What a camera writes into a JPEG: make, model, capture time and a GPS position.</summary>
internal static class CameraExif
{
    public const string Make = "Fujifilm";
    public const string Model = "X100V";

    /// <summary>48° 51' 30" N, 2° 17' 40" E: by the Eiffel Tower.</summary>
    public const double Latitude = 48 + (51 / 60.0) + (30 / 3600.0);

    public const double Longitude = 2 + (17 / 60.0) + (40 / 3600.0);

    public static ExifProfile EiffelTower()
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, Make);
        exif.SetValue(ExifTag.Model, Model);
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:07:14 18:30:05");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(48, 1), new Rational(51, 1), new Rational(30, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(2, 1), new Rational(17, 1), new Rational(40, 1)]);
        return exif;
    }
}
