using System.Text;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Thumbnails.Tests.Support;
using SixLabors.ImageSharp;

namespace DaprPhotos.Thumbnails.Tests;

public sealed class MetadataStrippingTests
{
    private static readonly Dictionary<string, string?> WebpThumbOnly = new()
    {
        ["Thumbnails:Renditions:0:Name"] = "thumb",
        ["Thumbnails:Renditions:0:LongestSidePixels"] = "256",
        ["Thumbnails:Renditions:0:Format"] = "webp",
    };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoRenditionCarriesAMetadataProfile()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var original = TestPhotos.Jpeg(1600, 1200, CameraExif.AddPrivateProfiles);
        var uploaded = await app.UploadAsync(original, Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        foreach (var rendition in await ReadAllAsync(app, thumbnailed))
        {
            using var image = Image.Load(rendition);
            Assert.Equal((null, null, null),
                (image.Metadata.ExifProfile, image.Metadata.XmpProfile, image.Metadata.IptcProfile));
        }
    }

    [Fact]
    public async Task AWebpRenditionCarriesNoMetadataProfile()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation, WebpThumbOnly);
        var original = TestPhotos.Jpeg(800, 600, CameraExif.AddPrivateProfiles);
        var uploaded = await app.UploadAsync(original, Cancellation);

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        var webp = await app.ReadBlobAsync(thumbnailed.Renditions.Single().Key, Cancellation);
        using var image = Image.Load(webp);
        Assert.Equal((null, null, null),
            (image.Metadata.ExifProfile, image.Metadata.XmpProfile, image.Metadata.IptcProfile));
    }

    [Fact]
    public async Task NoRenditionContainsThePrivateBytes()
    {
        await using var app = await ThumbnailsApplication.StartAsync(Cancellation);
        var original = TestPhotos.Jpeg(1600, 1200, CameraExif.AddPrivateProfiles);
        var uploaded = await app.UploadAsync(original, Cancellation);
        var secrets = Secrets();
        Assert.All(secrets, secret =>
            Assert.True(Contains(original, secret.Bytes), $"the original lacks its {secret.Name}"));

        var thumbnailed = await app.ThumbnailedAsync(uploaded.PhotoId, Cancellation);

        var leaks = (await ReadAllAsync(app, thumbnailed))
            .SelectMany(bytes => secrets.Where(secret => Contains(bytes, secret.Bytes)))
            .Select(secret => secret.Name);
        Assert.Empty(leaks);
    }

    private static async Task<List<byte[]>> ReadAllAsync(
        ThumbnailsApplication app, PhotoThumbnailed thumbnailed)
    {
        var renditions = new List<byte[]>();
        foreach (var rendition in thumbnailed.Renditions)
        {
            renditions.Add(await app.ReadBlobAsync(rendition.Key, Cancellation));
        }

        return renditions;
    }

    // The EXIF header, the camera's make, the GPS latitude as EXIF stores it, the IPTC caption, the XMP note.
    private static List<(string Name, byte[] Bytes)> Secrets() =>
    [
        ("EXIF header", Encoding.ASCII.GetBytes("Exif\0")),
        ("camera make", Encoding.ASCII.GetBytes(CameraExif.Make)),
        ("GPS latitude", GpsLatitudeBytes()),
        ("IPTC caption", Encoding.ASCII.GetBytes(CameraExif.Caption)),
        ("XMP", Encoding.ASCII.GetBytes(CameraExif.XmpMarker)),
    ];

    // ImageSharp writes EXIF little-endian: each rational is numerator then denominator, 32 bits each.
    private static byte[] GpsLatitudeBytes() =>
        [.. CameraExif.Dms(48, 51, 30).SelectMany(rational =>
            BitConverter.GetBytes(rational.Numerator).Concat(BitConverter.GetBytes(rational.Denominator)))];

    private static bool Contains(byte[] bytes, byte[] secret) => bytes.AsSpan().IndexOf(secret) >= 0;
}
