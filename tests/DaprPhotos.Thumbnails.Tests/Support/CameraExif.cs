using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;

namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>The metadata a phone or camera writes into a JPEG, private parts (GPS) included.</summary>
internal static class CameraExif
{
    public const string Make = "Fujifilm";
    public const string Model = "X100V";
    public const string Lens = "23mm F2";
    public const string Caption = "Private caption";
    public const string XmpMarker = "private-xmp-note";

    /// <summary>Near the Eiffel Tower: 48° 51' 30" N, 2° 17' 40" E, 35 m.</summary>
    public static ExifProfile Paris() => Camera(("N", 48, 51, 30), ("E", 2, 17, 40));

    /// <summary>Rio de Janeiro: 22° 54' 30" S, 43° 11' 47" W.</summary>
    public static ExifProfile Rio() => Camera(("S", 22, 54, 30), ("W", 43, 11, 47));

    public static ExifProfile Camera(
        (string Ref, uint Degrees, uint Minutes, uint Seconds) latitude,
        (string Ref, uint Degrees, uint Minutes, uint Seconds) longitude)
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, Make);
        exif.SetValue(ExifTag.Model, Model);
        exif.SetValue(ExifTag.LensModel, Lens);
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:07:14 18:30:05");
        exif.SetValue(ExifTag.OffsetTimeOriginal, "+02:00");
        exif.SetValue(ExifTag.ExposureTime, new Rational(1, 250));
        exif.SetValue(ExifTag.FNumber, new Rational(28, 10));
        exif.SetValue(ExifTag.ISOSpeedRatings, new ushort[] { 200 });
        exif.SetValue(ExifTag.FocalLength, new Rational(35, 1));
        exif.SetValue(ExifTag.GPSLatitudeRef, latitude.Ref);
        exif.SetValue(ExifTag.GPSLatitude, Dms(latitude.Degrees, latitude.Minutes, latitude.Seconds));
        exif.SetValue(ExifTag.GPSLongitudeRef, longitude.Ref);
        exif.SetValue(ExifTag.GPSLongitude, Dms(longitude.Degrees, longitude.Minutes, longitude.Seconds));
        exif.SetValue(ExifTag.GPSAltitude, new Rational(35, 1));
        return exif;
    }

    /// <summary>Puts every private profile on the image: EXIF with GPS, XMP and IPTC.</summary>
    public static void AddPrivateProfiles(Image image)
    {
        image.Metadata.ExifProfile = Paris();
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.Caption, Caption);
        image.Metadata.IptcProfile = iptc;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + $"<rdf:Description>{XmpMarker}</rdf:Description></rdf:RDF></x:xmpmeta>"));
    }

    /// <summary>Degrees, minutes and seconds, as EXIF writes a GPS coordinate.</summary>
    public static Rational[] Dms(uint degrees, uint minutes, uint seconds) =>
        [new(degrees, 1), new(minutes, 1), new(seconds, 1)];
}
