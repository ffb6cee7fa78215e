using DaprPhotos.Imaging;
using DaprPhotos.Thumbnails;
using DaprPhotos.Thumbnails.Rendering;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Bench.Thumbnails.Pipelines;

/// <summary>
/// The thumbnail service's own renderer with its default options and configuration: one decode,
/// the renditions largest first, plus the EXIF metadata, BlurHash and dominant colour it also computes.
/// </summary>
public sealed class DaprPhotosPipeline : IRenditionPipeline
{
    public const string Name = "daprphotos";

    private readonly PhotoRenderer _renderer =
        new(SafeImageConfiguration.Create(), Options.Create(new ThumbnailOptions()));

    public async Task<IReadOnlyList<byte[]>> RenderAsync(BenchPhoto photo)
    {
        var rendered = await _renderer.RenderAsync(
            new MemoryStream(photo.Bytes, writable: false), photo.Format, CancellationToken.None);
        return rendered.Renditions.Select(rendition => rendition.Bytes).ToList();
    }
}
