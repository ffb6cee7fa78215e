using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace DaprPhotos.Imaging;

/// <summary>
/// The one ImageSharp configuration for untrusted bytes: only the JPEG, PNG, GIF and WebP modules
/// (the TIFF, BMP, TGA and PBM decoders carry the open advisories), a hard cap on what one image
/// may allocate (without it a 62-byte GIF costs seconds and gigabytes), and GIFs read to their
/// first frame only.
/// </summary>
public static class SafeImageConfiguration
{
    public const int DefaultAllocationLimitMegabytes = 256;

    public static Configuration Create(int allocationLimitMegabytes = DefaultAllocationLimitMegabytes)
    {
        var configuration = new Configuration(
            new JpegConfigurationModule(),
            new PngConfigurationModule(),
            new GifConfigurationModule(),
            new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = allocationLimitMegabytes,
                MaximumPoolSizeMegabytes = 64,
            }),
        };
        configuration.ImageFormatsManager.SetDecoder(
            GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }
}
