using DaprPhotos.Imaging;
using DaprPhotos.Thumbnails.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DaprPhotos.Thumbnails.Warmup;

/// <summary>
/// Runs every decoder, the resizer and the rendition encoders once at start. It runs before the
/// app listens, so daprd delivers nothing and the readiness probe reports nothing until the
/// first real photo can be rendered at full speed.
/// </summary>
public sealed class CodecWarmup(PhotoRenderer renderer, ColdStart coldStart) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var sample = new Image<Rgb24>(96, 64, new Rgb24(90, 140, 200));
        foreach (var (format, save) in Samples())
        {
            using var bytes = new MemoryStream();
            save(sample, bytes);
            bytes.Position = 0;
            await renderer.RenderAsync(bytes, format, cancellationToken);
        }

        coldStart.MarkWarm(TimeProvider.System.GetElapsedTime(started));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<(PhotoFormat, Action<Image, Stream>)> Samples() =>
    [
        (PhotoFormat.Jpeg, (image, stream) => image.SaveAsJpeg(stream)),
        (PhotoFormat.Png, (image, stream) => image.SaveAsPng(stream)),
        (PhotoFormat.Gif, (image, stream) => image.SaveAsGif(stream)),
        (PhotoFormat.Webp, (image, stream) => image.SaveAsWebp(stream)),
    ];
}
