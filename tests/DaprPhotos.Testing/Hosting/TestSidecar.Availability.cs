using Microsoft.AspNetCore.Http;

namespace DaprPhotos.Testing.Hosting;

// Reachability: a sidecar can be taken down for a while, as when daprd restarts.
public sealed partial class TestSidecar
{
    private TaskCompletionSource _available = CompletedSignal();

    public bool IsAvailable => _available.Task.IsCompleted;

    /// <summary>
    /// Makes the sidecar unreachable until the returned scope ends: API calls fail with Unavailable,
    /// health probes answer 500 and no message is delivered to the app.
    /// </summary>
    public IDisposable BeUnavailable()
    {
        lock (_sync)
        {
            if (IsAvailable)
            {
                _available = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Restore(this);
    }

    internal Task WaitUntilAvailableAsync(CancellationToken cancellationToken) =>
        _available.Task.WaitAsync(cancellationToken);

    private IResult Health() =>
        IsAvailable
            ? Results.NoContent()
            : Results.StatusCode(StatusCodes.Status500InternalServerError);

    private static TaskCompletionSource CompletedSignal()
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.SetResult();
        return signal;
    }

    private sealed class Restore(TestSidecar sidecar) : IDisposable
    {
        public void Dispose() => sidecar._available.TrySetResult();
    }
}
