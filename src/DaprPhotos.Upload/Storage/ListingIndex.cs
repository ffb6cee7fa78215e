using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapr.Client;
using DaprPhotos.Contracts;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// The newest-first listing, kept in the <c>photos</c> store through the state API alone: one key
/// per day and shard holds that day's photo ids, and one key lists the days. A day's uploads
/// spread over <see cref="Shards"/> keys, so concurrent uploads rarely contend on one ETag; a page
/// costs one bulk read per day it touches. Adding is a set operation, safe to repeat.
/// </summary>
public sealed class ListingIndex(DaprClient dapr, StateSets sets)
{
    public const int Shards = 8;
    private const string DaysKey = "listing/days";

    public async Task AddAsync(string photoId, DateTimeOffset uploadedAt, CancellationToken cancellationToken)
    {
        var day = DayOf(uploadedAt);
        var entry = new ListingEntry(photoId, uploadedAt);
        await sets.AddAsync(ShardKey(day, ShardOf(photoId)), entry, cancellationToken);
        await sets.AddAsync(DaysKey, day, cancellationToken);
    }

    /// <summary>Days with uploads, newest first (yyyyMMdd, UTC).</summary>
    public async Task<IReadOnlyList<string>> DaysAsync(CancellationToken cancellationToken)
    {
        var days = await sets.ReadAsync<string>(DaysKey, cancellationToken);
        return [.. days.OrderDescending(StringComparer.Ordinal)];
    }

    /// <summary>One day's entries, newest first, in one bulk read.</summary>
    public async Task<IReadOnlyList<ListingEntry>> DayAsync(string day, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, Shards).Select(shard => ShardKey(day, shard)).ToList();
        var shards = await dapr.GetBulkStateAsync<List<ListingEntry>?>(
            ComponentNames.Photos, keys, parallelism: 0, cancellationToken: cancellationToken);
        return [.. shards.SelectMany(shard => shard.Value ?? []).OrderDescending(ListingEntry.Order)];
    }

    public static string DayOf(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string ShardKey(string day, int shard) => $"listing/{day}/{shard}";

    // A stable hash: string.GetHashCode differs between processes.
    private static int ShardOf(string photoId) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(photoId))[0] % Shards;
}

/// <summary>A listed photo.</summary>
public sealed record ListingEntry(string PhotoId, DateTimeOffset UploadedAt)
{
    /// <summary>By upload time, then id, so paging is stable when two photos share a time.</summary>
    public static IComparer<ListingEntry> Order { get; } = Comparer<ListingEntry>.Create((left, right) =>
        left.UploadedAt != right.UploadedAt
            ? left.UploadedAt.CompareTo(right.UploadedAt)
            : string.CompareOrdinal(left.PhotoId, right.PhotoId));
}
