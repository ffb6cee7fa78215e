using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Thumbnails.Rendering;

/// <summary>What one render pass produced, before anything is stored.</summary>
public sealed record RenderedPhoto(
    IReadOnlyList<RenderedRendition> Renditions,
    PhotoMetadata Metadata,
    string Placeholder,
    string DominantColor);

/// <summary>One encoded rendition; <see cref="Bytes"/> carries no EXIF, GPS, XMP or IPTC.</summary>
public sealed record RenderedRendition(
    RenditionSpec Spec, int Width, int Height, string MediaType, byte[] Bytes);

/// <summary>A photo that can never be rendered; the reason is for a person to read.</summary>
public sealed class UnrenderablePhotoException(string stage, string reason, Exception? inner = null)
    : Exception(reason, inner)
{
    public string Stage { get; } = stage;
}
