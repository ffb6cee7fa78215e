using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace DaprPhotos.Bench.Upload;

/// <summary>Waiting for a child app to answer, and what it printed when it does not.</summary>
internal sealed partial class ChildApp
{
    private const int OutputLinesKept = 40;
    private readonly ConcurrentQueue<string> _output = new();

    /// <summary>Polls <paramref name="path"/> until it answers 200, for at most a minute.</summary>
    public async Task WaitReadyAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 600 && deadline.Elapsed < TimeSpan.FromSeconds(60); attempt++)
        {
            if (_process.HasExited)
            {
                throw Failed($"exited with code {_process.ExitCode} while starting");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, path), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw Failed($"did not answer 200 on {path} within 60 s");
    }

    public InvalidOperationException Failed(string what) =>
        new($"{Name} {what}. Its last output:\n{string.Join('\n', _output)}");

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }
}
