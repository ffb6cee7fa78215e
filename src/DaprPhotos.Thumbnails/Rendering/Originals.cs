using DaprPhotos.Blobs;
using DaprPhotos.Imaging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace DaprPhotos.Thumbnails.Rendering;

/// <summary>
/// Opens a photo's original in <c>blobs</c> for one render: its first chunk is read and checked
/// (format and size, from the header alone) before anything is decoded.
/// </summary>
public sealed class Originals(
    ChunkedBlobStore blobs, Configuration images, IOptions<ThumbnailOptions> options)
{
    /// <exception cref="UnrenderablePhotoException">It is gone, unsupported or too big.</exception>
    public async Task<OpenedOriginal> OpenAsync(string originalKey, CancellationToken cancellationToken)
    {
        var manifest = await blobs.GetManifestAsync(originalKey, cancellationToken)
            ?? throw new UnrenderablePhotoException(
                "read", "The original is not in blobs (the photo was deleted?).");
        var firstChunk = await blobs.ReadChunkAsync(manifest.Key, 0, cancellationToken);
        var (format, size) = Inspect(firstChunk);
        return new OpenedOriginal(blobs.OpenRead(manifest, firstChunk), format, size);
    }

    // Never trust that upload checked: the same allow-list and limits, from the header alone.
    private (PhotoFormat, ImageSize) Inspect(ReadOnlyMemory<byte> firstChunk)
    {
        if (FormatSniffer.Detect(firstChunk.Span) is not { Format: { } format })
        {
            throw new UnrenderablePhotoException(
                "inspect",
                $"The original is {FormatSniffer.Detect(firstChunk.Span).RefusedName}; "
                + $"supported: {PhotoFormat.SupportedNames}.");
        }

        var size = ImageHeader.Read(images, firstChunk)
            ?? throw new UnrenderablePhotoException("inspect", $"The {format.Name} header cannot be read.");
        return options.Value.ImageLimits.Violation(size) is { } violation
            ? throw new UnrenderablePhotoException("inspect", violation)
            : (format, size);
    }
}

/// <summary>An original that passed inspection: its bytes, read chunk by chunk, and its size.</summary>
public sealed record OpenedOriginal(Stream Bytes, PhotoFormat Format, ImageSize Size);
