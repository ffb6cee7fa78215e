using SixLabors.ImageSharp;

namespace DaprPhotos.Imaging;

/// <summary>
/// Reads width and height from an image's header with <c>Image.Identify</c>, which allocates no
/// pixel memory, so the size limits are enforced before anything is decoded.
/// </summary>
public static class ImageHeader
{
    /// <returns>
    /// The size, or null when the header is missing, broken or beyond <paramref name="head"/>.
    /// </returns>
    public static ImageSize? Read(Configuration configuration, ReadOnlyMemory<byte> head)
    {
        try
        {
            using var stream = new MemoryStream(head.ToArray(), writable: false);
            var info = Image.Identify(configuration, stream, out _);
            return info is null ? null : new ImageSize(info.Width, info.Height);
        }
        // Hostile bytes make decoders fail outside their own exception types too (2.1.13's JPEG Identify
        // throws NullReferenceException for a JFIF header with no frame), and any failure means "no header".
        catch (Exception ex) when (ex is not OutOfMemoryException)
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
