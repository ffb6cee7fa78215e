using NetVips;

namespace DaprPhotos.Bench.Thumbnails.Pipelines;

/// <summary>
/// libvips in-process: one thumbnail per size straight from the original bytes, so JPEG and WebP
/// shrink while they load; autorotate is thumbnail's default, keep=none drops every metadata block.
/// </summary>
public sealed class NetVipsPipeline : IRenditionPipeline
{
    public const string Name = "netvips";

    public NetVipsPipeline()
    {
        // The operation cache would hand back the previous pass's thumbnail of the same bytes.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
    }

    public static string LibraryVersion =>
        $"libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";

    public Task<IReadOnlyList<byte[]>> RenderAsync(BenchPhoto photo)
    {
        var renditions = new List<byte[]>();
        foreach (var longestSide in IRenditionPipeline.LongestSides)
        {
            using var thumbnail = Image.ThumbnailBuffer(photo.Bytes, longestSide, height: longestSide,
                size: Enums.Size.Down);
            renditions.Add(thumbnail.JpegsaveBuffer(
                q: IRenditionPipeline.JpegQuality, keep: Enums.ForeignKeep.None));
        }

        return Task.FromResult<IReadOnlyList<byte[]>>(renditions);
    }
}
