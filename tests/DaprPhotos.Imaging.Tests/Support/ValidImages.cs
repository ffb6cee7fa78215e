using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Imaging.Tests.Support;

/// <summary>Well-formed images, encoded by ImageSharp at test time so no binary file is committed.</summary>
internal static class ValidImages
{
    public const int Width = 256;
    public const int Height = 192;

    public static byte[] Jpeg { get; } = Encode((image, stream) => image.SaveAsJpeg(stream));

    public static byte[] Png { get; } = Encode((image, stream) => image.SaveAsPng(stream));

    public static byte[] Gif { get; } = Encode((image, stream) => image.SaveAsGif(stream));

    public static byte[] Webp { get; } = Encode((image, stream) => image.SaveAsWebp(stream));

    // Real TIFF and BMP files, so a refusal can only come from the switched-off decoders, not from bad bytes.
    public static byte[] Tiff { get; } = Encode((image, stream) => image.SaveAsTiff(stream));

    public static byte[] Bmp { get; } = Encode((image, stream) => image.SaveAsBmp(stream));

    public static byte[] For(PhotoFormat format) => format.Name switch
    {
        "JPEG" => Jpeg,
        "PNG" => Png,
        "GIF" => Gif,
        "WebP" => Webp,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format.Name, "No sample for this format."),
    };

    /// <summary>A GIF with two frames, to see how many a decoder keeps.</summary>
    public static byte[] AnimatedGif()
    {
        using var image = Pattern();
        using var second = Pattern();
        image.Frames.AddFrame(second.Frames.RootFrame);
        using var stream = new MemoryStream();
        image.SaveAsGif(stream);
        return stream.ToArray();
    }

    private static byte[] Encode(Action<Image, Stream> save)
    {
        using var image = Pattern();
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }

    // A busy pattern rather than a flat colour, so a JPEG's scan data outweighs its tables and a cut at
    // 60 % lands inside the scan.
    private static Image<Rgba32> Pattern()
    {
        var image = new Image<Rgba32>(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                image[x, y] = new Rgba32((byte)(x * 7), (byte)(y * 13), (byte)(x ^ y), 255);
            }
        }

        return image;
    }
}
