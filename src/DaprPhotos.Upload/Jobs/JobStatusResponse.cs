using Dapr.Workflow;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// A job as the admin API shows it. <see cref="Status"/> is <c>Planning</c>, <c>Running</c>,
/// <c>Completed</c>, <c>Canceled</c>, <c>Failed</c> (the workflow itself failed: see
/// <see cref="Error"/>), <c>Terminated</c> or <c>Suspended</c>.
/// </summary>
public sealed record JobStatusResponse(
    string Id,
    string Kind,
    string Status,
    int Total,
    int Done,
    int Failed,
    int Remaining,
    int Batch,
    int Batches,
    string? Note,
    string? Error,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    JobLinks Links)
{
    public bool IsRunning => Status is "Planning" or "Running";

    public static JobStatusResponse From(string kind, string id, string self, WorkflowState state)
    {
        var progress = state.RuntimeStatus == WorkflowRuntimeStatus.Completed
            ? state.ReadOutputAs<JobProgress>()
            : state.ReadCustomStatusAs<JobProgress>();
        var status = state.RuntimeStatus switch
        {
            WorkflowRuntimeStatus.Completed => (progress?.State ?? JobState.Completed).ToString(),
            WorkflowRuntimeStatus.Failed
                or WorkflowRuntimeStatus.Terminated
                or WorkflowRuntimeStatus.Suspended
                => state.RuntimeStatus.ToString(),
            _ => progress is null ? "Planning" : "Running",
        };
        return new JobStatusResponse(
            id, kind, status,
            progress?.Total ?? 0, progress?.Done ?? 0, progress?.Failed ?? 0, progress?.Remaining ?? 0,
            progress?.Batch ?? 0, progress?.Batches ?? 0, progress?.Note,
            state.FailureDetails?.ErrorMessage,
            state.CreatedAt, state.LastUpdatedAt,
            new JobLinks(self, $"{self}/cancel"));
    }
}

public sealed record JobLinks(string Self, string Cancel);
