using System.ComponentModel.DataAnnotations;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// How the admin jobs (reprocessing, dead-letter redrives) pace themselves, bound from <c>Jobs</c>.
/// A job reads them once, when it starts: a running job keeps the pace it started with.
/// </summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Photos (or dead letters) handed to the pipeline at a time.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>The durable timer between two batches, so a job never floods the pipeline.</summary>
    [Range(0, 3600)]
    public double PauseBetweenBatchesSeconds { get; set; } = 2;

    /// <summary>
    /// How often a reprocessing batch checks whether its photos came back through the pipeline.
    /// </summary>
    [Range(0.01, 600)]
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>A photo not back this long after its batch started counts as failed.</summary>
    [Range(1, 24 * 3600)]
    public double BatchTimeoutSeconds { get; set; } = 600;

    /// <summary>How long a job's plan (its batches of ids) is kept in the store, in seconds.</summary>
    [Range(3600, 90 * 24 * 3600)]
    public int PlanTtlSeconds { get; set; } = 14 * 24 * 3600;

    public JobSettings ToSettings() => new(
        BatchSize,
        TimeSpan.FromSeconds(PauseBetweenBatchesSeconds),
        TimeSpan.FromSeconds(PollIntervalSeconds),
        TimeSpan.FromSeconds(BatchTimeoutSeconds));
}

/// <summary>
/// The pace a job runs at, fixed in its input so every replay of the workflow sees the same.
/// </summary>
public sealed record JobSettings(
    int BatchSize, TimeSpan PauseBetweenBatches, TimeSpan PollInterval, TimeSpan BatchTimeout);
