using System.Security.Cryptography;
using System.Text;
using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// The uploads whose bytes are being stored, so that bytes an upload leaves behind when its process
/// dies half-way can be found and removed: state stores cannot list keys. Entries live in
/// <see cref="Shards"/> set-valued keys of the <c>photos</c> store (one bulk read to see them all),
/// spread by photo id so concurrent uploads rarely contend on one ETag (<see cref="CheckedWrites"/>).
/// </summary>
public sealed class InflightUploads(DaprClient dapr, CheckedWrites writes)
{
    public const int Shards = 16;

    public Task RegisterAsync(
        string photoId, DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        ChangeAsync(ShardOf(photoId), entries => entries.Any(entry => entry.PhotoId == photoId)
            ? null
            : [.. entries, new InflightUpload(photoId, startedAt)], cancellationToken);

    /// <summary>Forgets finished uploads, one ETag-checked write per shard they live in.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<string> photoIds, CancellationToken cancellationToken)
    {
        foreach (var shard in photoIds.GroupBy(ShardOf))
        {
            var gone = shard.ToHashSet();
            await ChangeAsync(shard.Key, entries => entries.Any(entry => gone.Contains(entry.PhotoId))
                ? [.. entries.Where(entry => !gone.Contains(entry.PhotoId))]
                : null, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<InflightUpload>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var shards = await dapr.GetBulkStateAsync<List<InflightUpload>?>(
            ComponentNames.Photos,
            [.. Enumerable.Range(0, Shards).Select(ShardKey)],
            parallelism: 0,
            cancellationToken: cancellationToken);
        return [.. shards.SelectMany(shard => shard.Value ?? [])];
    }

    // An empty shard is deleted, not kept as [], so a quiet store holds no in-flight keys.
    private async Task ChangeAsync(
        int shard,
        Func<List<InflightUpload>, List<InflightUpload>?> change,
        CancellationToken cancellationToken) =>
        await writes.ChangeAsync<List<InflightUpload>>(
            ShardKey(shard),
            entries => change(entries ?? []),
            cancellationToken,
            deleteWhen: entries => entries.Count == 0);

    private static string ShardKey(int shard) => $"uploads-in-flight/{shard}";

    private static int ShardOf(string photoId) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(photoId))[0] % Shards;
}

/// <summary>An upload that started storing bytes and has not finished yet.</summary>
public sealed record InflightUpload(string PhotoId, DateTimeOffset StartedAt);
