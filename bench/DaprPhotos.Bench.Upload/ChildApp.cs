using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace DaprPhotos.Bench.Upload;

/// <summary>
/// An ASP.NET Core app run as a child process on a loopback port, so its memory can be read apart
/// from the benchmark's (which also holds the test sidecar and every byte it stores).
/// </summary>
internal sealed partial class ChildApp : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;

    static ChildApp()
    {
        // Ctrl+C and errors unwind through DisposeAsync; this covers a plain exit or SIGTERM as well.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                Kill(process);
            }
        };
    }

    private ChildApp(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The path of a child app's assembly, recorded by the build (see the .csproj).</summary>
    public static string BuiltAssembly(string key)
    {
        var path = typeof(ChildApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{key} was not built ('{path}'): run the benchmark as bench/README.md says");
        }

        return path;
    }

    public static ChildApp Start(
        string name, string assemblyPath, IReadOnlyDictionary<string, string?> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory: it must hold the app's appsettings.json.
            WorkingDirectory = Path.GetDirectoryName(assemblyPath),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());

        // A developer's own settings must not leak in: no collector to export to, no other environment.
        string[] inherited = ["OTEL_EXPORTER_OTLP_ENDPOINT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS"];
        foreach (var key in inherited.Concat(settings.Keys))
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings.Where(setting => setting.Value is not null))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var app = new ChildApp(name, process, baseAddress);
        Running[process.Id] = process;
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"{Name} (pid {_process.Id}) did not exit within 10 s of being killed.");
        }

        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    // Released before the child binds it; a collision makes the child fail to start, which is reported.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
