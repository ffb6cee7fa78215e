using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.EndToEnd.Tests.Support;

internal static class MessageLogWaits
{
    /// <summary>
    /// Waits for a matching entry that was not yet in <paramref name="seen"/> (a snapshot taken
    /// before the caller last looked), so nothing that happens in between is missed.
    /// </summary>
    public static Task<T> WaitForNewAsync<T>(
        this ObservableLog<T> log, IReadOnlyList<T> seen, Func<T, bool> match, string description,
        TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        var old = seen.ToHashSet(ReferenceEqualityComparer.Instance);
        return log.WaitForAsync(
            entry => !old.Contains(entry) && match(entry), description, timeout, cancellationToken);
    }
}
