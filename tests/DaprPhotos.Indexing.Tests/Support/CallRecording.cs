using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Indexing.Tests.Support;

/// <summary>The indexing app's sidecar calls during one step, and the keys they addressed.</summary>
internal static class CallRecording
{
    public static async Task<List<SidecarCall>> CallsDuringAsync(
        this IndexingApplication app, Func<Task> action)
    {
        var before = app.Environment.Calls.Snapshot().Count;
        await action();
        return [.. app.Environment.Calls.Snapshot()
            .Skip(before)
            .Where(call => call.AppId == AppIds.Indexing)];
    }

    /// <summary>The posting keys (<c>post/...</c>) the calls read or wrote.</summary>
    public static List<string> PostingKeys(this IEnumerable<SidecarCall> calls) =>
        [.. calls.SelectMany(call => call.Target.Split(','))
            .Where(key => key.StartsWith("post/", StringComparison.Ordinal))
            .Distinct()];
}
