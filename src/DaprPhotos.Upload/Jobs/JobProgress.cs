using System.Text.Json.Serialization;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// Where a job stands: the workflow's custom status while it runs, its output once it ends.
/// </summary>
/// <param name="Batch">Batches finished; the next batch to run has this number.</param>
/// <param name="Note">Anything the caller should know about the selection, for a person to read.</param>
public sealed record JobProgress(
    JobState State, int Total, int Done, int Failed, int Batch, int Batches, string? Note = null)
{
    public int Remaining => Math.Max(0, Total - Done - Failed);

    public static JobProgress Planned(JobPlan plan) => new(
        plan.Batches == 0 ? JobState.Completed : JobState.Running,
        plan.Total,
        Done: 0,
        Failed: 0,
        Batch: 0,
        plan.Batches,
        plan.Note);

    public JobProgress After(BatchCounts counts) => this with
    {
        Done = Done + counts.Done,
        Failed = Failed + counts.Failed + counts.Pending,
        Batch = Batch + 1,
        State = Batch + 1 >= Batches ? JobState.Completed : State,
    };

    /// <summary>
    /// Cancelled mid-batch: what the batch finished counts, what it did not stays remaining.
    /// </summary>
    public JobProgress CanceledAfter(BatchCounts counts) => this with
    {
        Done = Done + counts.Done,
        Failed = Failed + counts.Failed,
        State = JobState.Canceled,
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<JobState>))]
public enum JobState
{
    Running,
    Completed,
    Canceled,
}

/// <summary>How one batch went. Items still pending when it gave up waiting count as failed.</summary>
public sealed record BatchCounts(int Done, int Failed, int Pending = 0);

/// <summary>A job's selection, split into <see cref="Batches"/> stored batches of ids.</summary>
/// <param name="Target">What the job moves its items to: for reprocessing, the rendition set.</param>
public sealed record JobPlan(int Total, int Batches, string? Note = null, string? Target = null);

/// <summary>How a batch ended: its counts, and whether a cancel stopped the job during it.</summary>
public sealed record BatchResult(BatchCounts Counts, bool Canceled = false);
