using DaprPhotos.Thumbnails.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class MetadataExtractionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACameraJpegYieldsItsShotDetails()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(640, 480, image => image.Metadata.ExifProfile = CameraExif.Paris());

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var metadata = (await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation)).Metadata;
        Assert.Equal(
            (new DateTimeOffset(2024, 7, 14, 18, 30, 5, TimeSpan.FromHours(2)), true),
            (metadata.TakenAt, metadata.TakenAtHasOffset));
        Assert.Equal((CameraExif.Make, CameraExif.Model, CameraExif.Lens),
            (metadata.CameraMake, metadata.CameraModel, metadata.Lens));
        Assert.Equal(("1/250s", 2.8, 200, 35.0),
            (metadata.ExposureTime, metadata.FNumber, metadata.Iso, metadata.FocalLengthMm));
    }

    [Fact]
    public async Task ACameraJpegYieldsWhereItWasTaken()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(640, 480, image => image.Metadata.ExifProfile = CameraExif.Paris());

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var metadata = (await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation)).Metadata;
        Assert.Equal(48.858333, metadata.Latitude!.Value, 5);
        Assert.Equal(2.294444, metadata.Longitude!.Value, 5);
        Assert.Equal(35.0, metadata.AltitudeMeters);
    }

    [Fact]
    public async Task SouthernAndWesternCoordinatesAreNegative()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(640, 480, image => image.Metadata.ExifProfile = CameraExif.Rio());

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var metadata = (await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation)).Metadata;
        Assert.Equal(-22.908333, metadata.Latitude!.Value, 5);
        Assert.Equal(-43.196389, metadata.Longitude!.Value, 5);
    }

    [Fact]
    public async Task MalformedTagsAreLeftOutAndThePhotoStillRenders()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var photo = TestPhotos.Jpeg(640, 480, image =>
        {
            var exif = CameraExif.Paris();
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(48, 1), new Rational(51, 1)]);
            exif.SetValue(ExifTag.ExposureTime, new Rational(1, 0, simplify: false));
            image.Metadata.ExifProfile = exif;
        });

        var uploaded = await app.UploadAsync(photo, Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);
        var metadata = thumbnailed.Metadata;
        Assert.Equal(2, thumbnailed.Renditions.Count);
        Assert.Equal(
            (null, null, CameraExif.Model), (metadata.Latitude, metadata.ExposureTime, metadata.CameraModel));
    }
}
