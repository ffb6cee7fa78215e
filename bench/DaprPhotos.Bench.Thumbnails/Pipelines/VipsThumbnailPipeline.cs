using System.Diagnostics;

namespace DaprPhotos.Bench.Thumbnails.Pipelines;

/// <summary>
/// Debian's <c>vipsthumbnail</c>, one process per rendition as a shell script would run it: it reads
/// the photo's file (not the bytes in memory), shrinks on load, autorotates by default, and
/// <c>strip</c> drops the metadata. Start-up of each process is part of what it costs.
/// </summary>
public sealed class VipsThumbnailPipeline : IRenditionPipeline, IDisposable
{
    public const string Name = "vipsthumbnail";

    private readonly string _scratch = Directory.CreateTempSubdirectory("daprphotos-vipsthumbnail-").FullName;
    private int _outputs;

    public static string LibraryVersion => Run("--vips-version").Trim();

    public async Task<IReadOnlyList<byte[]>> RenderAsync(BenchPhoto photo)
    {
        var renditions = new List<byte[]>();
        foreach (var longestSide in IRenditionPipeline.LongestSides)
        {
            var output = Path.Combine(_scratch, $"{Interlocked.Increment(ref _outputs)}.jpg");
            await RunAsync(photo.Path, "-s", $"{longestSide}x{longestSide}>",
                "-o", $"{output}[Q={IRenditionPipeline.JpegQuality},strip]");
            renditions.Add(await File.ReadAllBytesAsync(output));
        }

        return renditions;
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static async Task RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"vipsthumbnail exited with {process.ExitCode}: {errors.Trim()}");
        }
    }

    private static string Run(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("vipsthumbnail")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
