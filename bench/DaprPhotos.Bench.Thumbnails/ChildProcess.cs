using System.Diagnostics;
using System.Text.Json;

namespace DaprPhotos.Bench.Thumbnails;

/// <summary>
/// Starts this program again as a child pinned to the first N cores with taskset, so a pipeline's
/// memory is its own and "1 core" means one core even for libraries that start their own threads.
/// </summary>
public static class ChildProcess
{
    public static async Task<T> RunAsync<T>(int cores, IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var cpuList = string.Join(',', Enumerable.Range(0, cores));
        foreach (var argument in (string[])["-c", cpuList, .. Self(), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        // Every child runs with glibc's arenas capped, as the prior measurement advised for libvips.
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n')
            .LastOrDefault(line => line.StartsWith(ChildResult.Prefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"Child {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }

        return JsonSerializer.Deserialize<T>(line[ChildResult.Prefix.Length..])!;
    }

    // Run as "dotnet the.dll" the host needs the assembly; run through the apphost it does not.
    private static string[] Self()
    {
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [host, typeof(ChildProcess).Assembly.Location]
            : [host];
    }
}
