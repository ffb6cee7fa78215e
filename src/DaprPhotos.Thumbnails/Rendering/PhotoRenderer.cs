using DaprPhotos.Imaging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DaprPhotos.Thumbnails.Rendering;

/// <summary>
/// Decodes a photo once and renders every rendition from it: oriented by EXIF, largest first,
/// each smaller one resized from the one before (cheaper than from the original), never upscaled,
/// and stripped of every metadata profile so no GPS position leaks into a thumbnail.
/// </summary>
public sealed class PhotoRenderer(Configuration images, IOptions<ThumbnailOptions> options)
{
    /// <param name="original">The photo's bytes, read to the end (the end marker is checked).</param>
    /// <param name="format">The format its first bytes name.</param>
    public async Task<RenderedPhoto> RenderAsync(
        Stream original, PhotoFormat format, CancellationToken cancellationToken)
    {
        var tail = new TailWindow();
        var head = new byte[FormatSniffer.HeadLength];
        await using var watched = new WatchedStream(original, head, tail);
        using var image = await DecodeAsync(watched, cancellationToken);
        await watched.DrainAsync(cancellationToken);
        if (!EndMarker.IsComplete(format, head, tail.Bytes, watched.Length))
        {
            throw new UnrenderablePhotoException(
                "decode",
                $"The {format.Name} original ends before its end marker after {watched.Length:N0} bytes: "
                + "it is truncated.");
        }

        var metadata = ExifMetadataReader.Read(image, format.Name);
        KeepOnlyOrientation(image);

        var renditions = new List<RenderedRendition>();
        Image current = image;
        try
        {
            foreach (var spec in options.Value.Renditions.OrderByDescending(spec => spec.LongestSidePixels))
            {
                // Turning the photo after the first (largest) resize costs a fraction of turning it at
                // full size; the longest side, and so the scale, is the same either way.
                var next = current.Clone(context => context
                    .Resize(Fit(current.Size(), spec.LongestSidePixels))
                    .AutoOrient());
                StripMetadata(next);
                if (current != image)
                {
                    current.Dispose();
                }

                current = next;
                renditions.Add(Encode(current, spec));
            }

            using var tiny = current.CloneAs<Rgb24>();
            tiny.Mutate(context => context.Resize(Fit(tiny.Size(), 32)));
            return new RenderedPhoto(renditions, metadata, BlurHash.Encode(tiny), DominantColor.Of(tiny));
        }
        finally
        {
            if (current != image)
            {
                current.Dispose();
            }
        }
    }

    // Catches what ImageSharp 2.1 really throws for bad input, and nothing wider: anything else is a bug.
    private async Task<Image> DecodeAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await Image.LoadAsync(images, stream, cancellationToken);
        }
        catch (Exception ex)
            // InvalidDataException: a PNG whose compressed pixel data cannot be inflated.
            when (ex is ImageFormatException or NotSupportedException or InvalidMemoryOperationException
                or InvalidDataException)
        {
            var reason = ex is InvalidMemoryOperationException
                ? $"Decoding needs more than the {options.Value.AllocationLimitMegabytes} MB "
                    + "one image may use."
                : $"The original cannot be decoded: {ex.Message}";
            throw new UnrenderablePhotoException("decode", reason, ex);
        }
    }

    private static RenderedRendition Encode(Image image, RenditionSpec spec)
    {
        IImageEncoder encoder = spec.Format == "webp"
            ? new WebpEncoder { Quality = spec.Quality, FileFormat = WebpFileFormatType.Lossy }
            : new JpegEncoder { Quality = spec.Quality };
        using var bytes = new MemoryStream();
        image.Save(bytes, encoder);
        var mediaType = spec.Format == "webp" ? "image/webp" : "image/jpeg";
        return new RenderedRendition(spec, image.Width, image.Height, mediaType, bytes.ToArray());
    }

    private static Size Fit(Size size, int longestSide)
    {
        var scale = Math.Min(1.0, (double)longestSide / Math.Max(size.Width, size.Height));
        return new Size(
            Math.Max(1, (int)Math.Round(size.Width * scale)),
            Math.Max(1, (int)Math.Round(size.Height * scale)));
    }

    // Every profile goes, so no GPS position can reach a rendition; only the orientation stays,
    // for the first resize to apply.
    private static void KeepOnlyOrientation(Image image)
    {
        var orientation = image.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value;
        StripMetadata(image);
        if (orientation is > 1 and <= 8)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation.Value);
        }
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
        }
    }
}
