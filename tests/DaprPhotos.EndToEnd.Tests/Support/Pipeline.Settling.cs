using System.Diagnostics;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.EndToEnd.Tests.Support;

// Waiting on the pipeline without sleeping: a condition is read again each time a sidecar settles
// a message (that is when a photo's state moves), within a wall-clock cap that only guards a hang.
internal sealed partial class Pipeline
{
    /// <summary>Generous, for a busy two-core machine; a run that passes returns long before.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Re-reads at least this often even when no message settles (the janitor works on its own).
    private static readonly TimeSpan LongestQuietSpell = TimeSpan.FromSeconds(1);

    /// <summary>Reads until <paramref name="done"/> holds; on the cap, fails with the last reading.</summary>
    public async Task<T> SettleUntilAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, string description, TimeSpan cap,
        CancellationToken cancellationToken)
    {
        var (reading, settled) = await SettleAsync(read, done, cap, cancellationToken);
        return settled
            ? reading
            : throw new TimeoutException($"Gave up after {cap} waiting for {description}; last: {reading}");
    }

    /// <summary>Reads until <paramref name="done"/> holds or the cap passes: the last reading.</summary>
    public async Task<(T Reading, bool Done)> SettleAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, TimeSpan cap, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = Environment.Messages.Snapshot();
            var reading = await read();
            var left = cap - clock.Elapsed;
            if (done(reading) || left <= TimeSpan.Zero)
            {
                return (reading, done(reading));
            }

            try
            {
                await Environment.Messages.WaitForNewAsync(
                    seen, message => message is MessageSettled, "a settled message",
                    left < LongestQuietSpell ? left : LongestQuietSpell, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing settled meanwhile: read again anyway.
            }
        }
    }
}
