using Dapr.Workflow;

namespace DaprPhotos.Upload.Jobs;

/// <summary>The steps every admin job's workflow shares: waiting, cancelling, finishing.</summary>
public static class JobSteps
{
    /// <summary>The external event that cancels a job between two of its steps.</summary>
    public const string CancelEvent = "cancel";

    /// <summary>
    /// Waits <paramref name="delay"/> on a durable timer, unless a cancel arrives first (or arrived
    /// while the job was busy: the engine keeps it until the job waits). True when cancelled.
    /// </summary>
    public static async Task<bool> CanceledWithinAsync(WorkflowContext context, TimeSpan delay)
    {
        try
        {
            await context.WaitForExternalEventAsync<bool>(CancelEvent, delay <= TimeSpan.Zero ? Tick : delay);
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Releases the job's claim and returns its final progress as the workflow's output.</summary>
    public static async Task<JobProgress> FinishAsync(
        WorkflowContext context, string kind, JobProgress progress)
    {
        context.SetCustomStatus(progress);
        await context.CallActivityAsync(nameof(FinishJobActivity), new FinishJob(kind, context.InstanceId));
        return progress;
    }

    // A zero timeout would not wait at all, so a cancel sent during a batch would go unseen.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
}

public sealed record FinishJob(string Kind, string JobId);

/// <summary>Releases the claim of a job that ended, so the next one of its kind may start.</summary>
public sealed class FinishJobActivity(JobClaims claims) : WorkflowActivity<FinishJob, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, FinishJob input)
    {
        await claims.ReleaseAsync(input.Kind, input.JobId, context.CancellationToken);
        return true;
    }
}
