namespace DaprPhotos.Testing.Diagnostics;

/// <summary>
/// An append-only record that tests can wait on: <see cref="WaitForAsync"/> completes as soon as an
/// entry matches, so no test sleeps. The timeout is wall-clock and only guards against a hang.
/// </summary>
public sealed class ObservableLog<T>
{
    private readonly List<T> _entries = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

    public IReadOnlyList<T> Snapshot()
    {
        lock (_entries)
        {
            return [.. _entries];
        }
    }

    public IReadOnlyList<T> Where(Func<T, bool> match) => [.. Snapshot().Where(match)];

    public int Count(Func<T, bool> match) => Snapshot().Count(match);

    public void Add(T entry)
    {
        List<TaskCompletionSource<T>> completed = [];
        lock (_entries)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(entry))
                {
                    completed.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        completed.ForEach(done => done.TrySetResult(entry));
    }

    public async Task<T> WaitForAsync(
        Func<T, bool> match,
        string description,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_entries)
        {
            var existing = _entries.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? WaitLimits.Default, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_entries)
            {
                _waiters.RemoveAll(waiter => waiter.Done == done);
            }

            var seen = string.Join(
                Environment.NewLine, Snapshot().TakeLast(20).Select(entry => $"  {entry}"));
            throw new TimeoutException(
                $"Timed out waiting for {description}. Last entries:{Environment.NewLine}{seen}");
        }
    }
}
