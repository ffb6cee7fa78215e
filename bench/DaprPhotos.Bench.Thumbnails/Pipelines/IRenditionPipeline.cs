namespace DaprPhotos.Bench.Thumbnails.Pipelines;

/// <summary>
/// Makes the service's default rendition set for one photo: a 1280 px preview and a 256 px thumb
/// (longest side, never upscaled), JPEG quality 80, upright by EXIF, without EXIF, XMP or IPTC.
/// </summary>
public interface IRenditionPipeline
{
    /// <summary>The rendition sizes, largest first, as in the service's default options.</summary>
    static readonly int[] LongestSides = [1280, 256];

    const int JpegQuality = 80;

    /// <summary>Returns the encoded renditions in the order of <see cref="LongestSides"/>.</summary>
    Task<IReadOnlyList<byte[]>> RenderAsync(BenchPhoto photo);

    /// <summary>The size a rendition gets, computed as PhotoRenderer does.</summary>
    static (int Width, int Height) Fit(int width, int height, int longestSide)
    {
        var scale = Math.Min(1.0, (double)longestSide / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    static IRenditionPipeline Create(string name) => name switch
    {
        DaprPhotosPipeline.Name => new DaprPhotosPipeline(),
        NetVipsPipeline.Name => new NetVipsPipeline(),
        SkiaSharpPipeline.Name => new SkiaSharpPipeline(),
        VipsThumbnailPipeline.Name => new VipsThumbnailPipeline(),
        FloorPipeline.Name => new FloorPipeline(),
        _ => throw new ArgumentException($"Unknown pipeline '{name}'.", nameof(name)),
    };
}
