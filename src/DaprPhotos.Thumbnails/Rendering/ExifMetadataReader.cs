using System.Globalization;
using DaprPhotos.Contracts.Events;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace DaprPhotos.Thumbnails.Rendering;

/// <summary>
/// Reads what indexing needs from a decoded photo's EXIF. Cameras write odd and broken tags: any
/// tag that is missing or malformed is left out, never fatal.
/// </summary>
public static class ExifMetadataReader
{
    /// <summary>Reads a decoded photo before it is oriented; the size reported is as displayed.</summary>
    public static PhotoMetadata Read(Image image, string format)
    {
        var exif = image.Metadata.ExifProfile;
        var orientation = Safe(() => exif?.GetValue(ExifTag.Orientation)?.Value) ?? 1;

        // Orientations 5 to 8 turn the photo a quarter, so it displays with width and height swapped.
        var (width, height) = orientation is >= 5 and <= 8
            ? (image.Height, image.Width)
            : (image.Width, image.Height);
        var baseline = new PhotoMetadata(width, height, format);
        if (exif is null)
        {
            return baseline;
        }

        var (takenAt, hasOffset) = TakenAt(exif);
        return baseline with
        {
            TakenAt = takenAt,
            TakenAtHasOffset = hasOffset,
            CameraMake = Text(exif, ExifTag.Make),
            CameraModel = Text(exif, ExifTag.Model),
            Lens = Text(exif, ExifTag.LensModel),
            Latitude = Coordinate(exif, ExifTag.GPSLatitude, ExifTag.GPSLatitudeRef, "S", 90),
            Longitude = Coordinate(exif, ExifTag.GPSLongitude, ExifTag.GPSLongitudeRef, "W", 180),
            AltitudeMeters = Altitude(exif),
            ExposureTime = Safe(() => exif.GetValue(ExifTag.ExposureTime)?.Value is { Denominator: > 0 } time
                ? time.Numerator >= time.Denominator
                    ? $"{(double)time.Numerator / time.Denominator:0.#}s"
                    : $"1/{Math.Round((double)time.Denominator / Math.Max(1, time.Numerator))}s"
                : null),
            FNumber = Positive(Safe(() => exif.GetValue(ExifTag.FNumber)?.Value.ToDouble())),
            Iso = Safe(() => exif.GetValue(ExifTag.ISOSpeedRatings)?.Value is [var iso, ..] && iso > 0
                ? (int?)iso
                : null),
            FocalLengthMm = Positive(Safe(() => exif.GetValue(ExifTag.FocalLength)?.Value.ToDouble())),
            Orientation = Safe(() => exif.GetValue(ExifTag.Orientation)?.Value is ushort o and >= 1 and <= 8
                ? o.ToString(CultureInfo.InvariantCulture)
                : null),
        };
    }

    private static (DateTimeOffset?, bool) TakenAt(ExifProfile exif)
    {
        var text = Text(exif, ExifTag.DateTimeOriginal);
        if (text is null || !DateTime.TryParseExact(text, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local))
        {
            return (null, false);
        }

        // EXIF 2.31 carries the offset separately; without it the local time is all there is.
        var offsetText = Text(exif, ExifTag.OffsetTimeOriginal);
        return offsetText is not null
            && TimeSpan.TryParseExact(
                offsetText.TrimStart('+'),
                ["hh\\:mm", "\\-hh\\:mm"],
                CultureInfo.InvariantCulture,
                out var offset)
            ? (new DateTimeOffset(local, offsetText.StartsWith('-') ? -offset.Duration() : offset), true)
            : (new DateTimeOffset(local, TimeSpan.Zero), false);
    }

    private static double? Coordinate(
        ExifProfile exif,
        ExifTag<Rational[]> tag,
        ExifTag<string> reference,
        string negative,
        double limit) =>
        Safe<double?>(() =>
    {
        if (exif.GetValue(tag)?.Value is not [var degrees, var minutes, var seconds]
            || degrees.Denominator == 0)
        {
            return null;
        }

        var value = degrees.ToDouble() + (minutes.ToDouble() / 60) + (seconds.ToDouble() / 3600);
        if (double.IsNaN(value) || value > limit)
        {
            return null;
        }

        return Text(exif, reference)?.Trim().ToUpperInvariant() == negative ? -value : value;
    });

    private static double? Altitude(ExifProfile exif) => Safe(() =>
        exif.GetValue(ExifTag.GPSAltitude)?.Value is { Denominator: > 0 } altitude
            ? exif.GetValue(ExifTag.GPSAltitudeRef)?.Value == 1 ? -altitude.ToDouble() : altitude.ToDouble()
            : (double?)null);

    private static string? Text(ExifProfile exif, ExifTag<string> tag) =>
        Safe(() => exif.GetValue(tag)?.Value?.Trim('\0', ' ') is { Length: > 0 } text ? text : null);

    private static double? Positive(double? value) =>
        value is > 0 and < double.PositiveInfinity ? value : null;

    // A malformed tag can throw from inside the profile reader; it only loses that tag.
    private static T? Safe<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or IndexOutOfRangeException
            or OverflowException or InvalidOperationException)
        {
            return default;
        }
    }
}
