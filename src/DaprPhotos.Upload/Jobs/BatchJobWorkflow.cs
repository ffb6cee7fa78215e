using Dapr.Workflow;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// The input every admin job carries; <see cref="Plan"/> and <see cref="Progress"/> from its last run.
/// </summary>
public abstract record BatchJobInput(JobSettings Settings)
{
    public JobPlan? Plan { get; init; }

    public JobProgress? Progress { get; init; }
}

/// <summary>
/// The shape of every admin job: plan once (the selection is stored in batches), then one batch per
/// run of the workflow, a durable timer between batches, and a fresh history for the next batch
/// (continue-as-new), so a job of a million photos replays no more than one batch after a crash.
/// A cancel is honoured at every wait; progress is the custom status while it runs and the output
/// when it ends.
/// </summary>
public abstract class BatchJobWorkflow<TInput> : Workflow<TInput, JobProgress>
    where TInput : BatchJobInput
{
    /// <summary>The kind of job, the prefix of its ids and the name of its claim.</summary>
    protected abstract string Kind { get; }

    public override async Task<JobProgress> RunAsync(WorkflowContext context, TInput input)
    {
        var plan = input.Plan ?? await PlanAsync(context, input);
        var progress = input.Progress ?? JobProgress.Planned(plan);
        context.SetCustomStatus(progress);
        if (progress.State != JobState.Running)
        {
            return await JobSteps.FinishAsync(context, Kind, progress);
        }

        var result = await RunBatchAsync(context, input, plan, progress.Batch);
        progress = result.Canceled ? progress.CanceledAfter(result.Counts) : progress.After(result.Counts);
        if (progress.State == JobState.Running
            && await JobSteps.CanceledWithinAsync(context, input.Settings.PauseBetweenBatches))
        {
            progress = progress with { State = JobState.Canceled };
        }

        if (progress.State != JobState.Running)
        {
            return await JobSteps.FinishAsync(context, Kind, progress);
        }

        context.SetCustomStatus(progress);
        context.ContinueAsNew(input with { Plan = plan, Progress = progress });
        return progress;
    }

    /// <summary>
    /// Chooses the job's items and stores them in batches (an activity: it reads the store).
    /// </summary>
    protected abstract Task<JobPlan> PlanAsync(WorkflowContext context, TInput input);

    /// <summary>Hands batch <paramref name="batch"/> to the pipeline and counts how it went.</summary>
    protected abstract Task<BatchResult> RunBatchAsync(
        WorkflowContext context, TInput input, JobPlan plan, int batch);
}
