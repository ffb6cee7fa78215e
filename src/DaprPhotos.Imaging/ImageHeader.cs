using SixLabors.ImageSharp;

namespace DaprPhotos.Imaging;

/// <summary>
/// Reads width and height from an image's header with <c>Image.Identify</c>, which allocates no
/// pixel memory, so the size limits are enforced before anything is decoded.
/// </summary>
public static class ImageHeader
{
    /// <returns>The size, or null when the header is missing, broken or beyond <paramref name="head"/>.</returns>
    public static ImageSize? Read(Configuration configuration, ReadOnlyMemory<byte> head)
    {
        try
        {
            using var stream = new MemoryStream(head.ToArray(), writable: false);
            var info = Image.Identify(configuration, stream, out _);
            return info is null ? null : new ImageSize(info.Width, info.Height);
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}

public readonly record struct ImageSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    public override string ToString() => $"{Width} x {Height}";
}
