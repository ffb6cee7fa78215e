using System.ComponentModel.DataAnnotations;

namespace DaprPhotos.Indexing;

/// <summary>How the index is laid out and what a search may ask, bound from <c>Indexing</c>.</summary>
public sealed class IndexingOptions
{
    public const string SectionName = "Indexing";

    /// <summary>
    /// Keys each month of a posting list is split into. Readers and writers must agree: changing it
    /// needs the index rebuilt (every photo re-indexed).
    /// </summary>
    [Range(1, 256)]
    public int ShardCount { get; set; } = 16;

    /// <summary>Read-and-write rounds for one set of index changes before the message is retried.</summary>
    [Range(1, 100)]
    public int MaxWriteAttempts { get; set; } = 16;

    /// <summary>
    /// Distinct words indexed per photo; beyond it the least telling go (description words first).
    /// </summary>
    [Range(16, 1024)]
    public int MaxWordsPerPhoto { get; set; } = 200;

    /// <summary>Words the last word of a query may complete to.</summary>
    [Range(1, 256)]
    public int MaxPrefixCompletions { get; set; } = 32;

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    [Range(1, 1000)]
    public int DefaultPageSize { get; set; } = 20;

    [Range(1, 64)]
    public int MaxQueryWords { get; set; } = 8;

    [Range(1, 64)]
    public int MaxQueryTags { get; set; } = 10;

    [Range(0.1, 20_000)]
    public double MaxRadiusKm { get; set; } = 500;

    [Range(0.1, 20_000)]
    public double DefaultRadiusKm { get; set; } = 10;
}
