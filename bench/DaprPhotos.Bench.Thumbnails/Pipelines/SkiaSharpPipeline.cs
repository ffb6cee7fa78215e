using SkiaSharp;

namespace DaprPhotos.Bench.Thumbnails.Pipelines;

/// <summary>
/// Skia with a scaled decode per size: the codec picks the smallest scale it can decode at that is
/// still at least the size asked for (JPEG 1/8 to 8/8 by libjpeg-turbo, WebP any, PNG full size), a
/// Mitchell cubic resize to the exact size, the EXIF orientation drawn as a matrix, then a JPEG
/// encode that writes no metadata at all.
/// </summary>
public sealed class SkiaSharpPipeline : IRenditionPipeline
{
    public const string Name = "skiasharp";

    private static readonly SKSamplingOptions Mitchell = new(SKCubicResampler.Mitchell);

    public Task<IReadOnlyList<byte[]>> RenderAsync(BenchPhoto photo)
    {
        using var data = SKData.CreateCopy(photo.Bytes);
        var renditions = IRenditionPipeline.LongestSides.Select(side => Render(data, side)).ToList();
        return Task.FromResult<IReadOnlyList<byte[]>>(renditions);
    }

    private static byte[] Render(SKData data, int longestSide)
    {
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidDataException("Skia cannot read this photo.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var (targetWidth, targetHeight) = IRenditionPipeline.Fit(width, height, longestSide);

        var scaled = codec.GetScaledDimensions((float)targetWidth / width);
        using var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888,
            SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new InvalidDataException($"Skia could not decode this photo: {result}.");
        }

        using var resized = new SKBitmap(new SKImageInfo(targetWidth, targetHeight, SKColorType.Rgba8888,
            SKAlphaType.Premul));
        decoded.ScalePixels(resized, Mitchell);

        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft
            ? null
            : Orient(resized, codec.EncodedOrigin);
        using var pixels = (turned ?? resized).PeekPixels();
        using var jpeg = pixels.Encode(new SKJpegEncoderOptions(IRenditionPipeline.JpegQuality,
            SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("Skia could not encode the rendition.");
        return jpeg.ToArray();
    }

    // Skia reads the EXIF origin but leaves applying it to the caller.
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var turned = origin >= SKEncodedOrigin.LeftTop;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        };

        var upright = new SKBitmap(new SKImageInfo(turned ? source.Height : source.Width,
            turned ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return upright;
    }
}
