using Microsoft.Extensions.Options;

namespace DaprPhotos.Thumbnails.Rendering;

/// <summary>
/// Admits a render when a slot is free and its pixel memory fits the budget; otherwise it waits.
/// A burst of large photos is therefore queued instead of exhausting the machine. A photo larger
/// than the whole budget still runs, alone.
/// </summary>
public sealed class RenderGate(IOptions<ThumbnailOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRenders);
    private readonly Lock _sync = new();
    private readonly long _budgetBytes = options.Value.RenderMemoryBudgetMegabytes * 1024L * 1024;
    private long _inUseBytes;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Source pixels, the largest rendition and working buffers: about twice the decoded size.
    /// </summary>
    public static long EstimateBytes(int width, int height) => (long)width * height * 4 * 2;

    public async Task<IDisposable> EnterAsync(long bytes, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                Task released;
                lock (_sync)
                {
                    if (_inUseBytes == 0 || _inUseBytes + bytes <= _budgetBytes)
                    {
                        _inUseBytes += bytes;
                        return new Ticket(this, bytes);
                    }

                    released = _released.Task;
                }

                await released.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Dispose() => _slots.Dispose();

    private void Leave(long bytes)
    {
        TaskCompletionSource released;
        lock (_sync)
        {
            _inUseBytes -= bytes;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
        _slots.Release();
    }

    private sealed class Ticket(RenderGate gate, long bytes) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(bytes);
            }
        }
    }
}
