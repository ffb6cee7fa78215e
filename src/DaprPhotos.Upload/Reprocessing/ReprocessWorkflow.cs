using Dapr.Workflow;
using DaprPhotos.Upload.Jobs;

namespace DaprPhotos.Upload.Reprocessing;

/// <summary>
/// What to reprocess: photos rendered with an older rendition set, photos that failed, or both.
/// </summary>
public sealed record ReprocessSelection(bool Outdated, bool Failed);

public sealed record ReprocessInput(ReprocessSelection Selection, JobSettings Settings)
    : BatchJobInput(Settings);

/// <summary>
/// Re-renders and re-indexes, batch by batch, the photos whose renditions are outdated or that
/// failed. Each batch asks the pipeline with <c>photo-reprocess-requested</c> (the per-photo work stays
/// choreographed), then polls, on a durable timer, until every photo of the batch is back (indexed
/// with the current rendition set), failed again, or the batch timed out (counted as failed).
/// </summary>
public sealed class ReprocessWorkflow : BatchJobWorkflow<ReprocessInput>
{
    public const string JobKind = "reprocess";

    protected override string Kind => JobKind;

    protected override Task<JobPlan> PlanAsync(WorkflowContext context, ReprocessInput input) =>
        context.CallActivityAsync<JobPlan>(
            nameof(PlanReprocessActivity),
            new PlanReprocess(context.InstanceId, input.Selection, input.Settings.BatchSize));

    protected override async Task<BatchResult> RunBatchAsync(
        WorkflowContext context, ReprocessInput input, JobPlan plan, int batch)
    {
        var photoIds = await context.CallActivityAsync<IReadOnlyList<string>>(
            nameof(RequestReprocessActivity), new ReprocessBatch(context.InstanceId, batch, plan.Target));
        var check = new CheckReprocess(context.InstanceId, photoIds);

        var giveUpAt = context.CurrentUtcDateTime + input.Settings.BatchTimeout;
        while (true)
        {
            var canceled = await JobSteps.CanceledWithinAsync(context, input.Settings.PollInterval);
            var counts = await context.CallActivityAsync<BatchCounts>(nameof(CheckReprocessActivity), check);
            if (canceled || counts.Pending == 0 || context.CurrentUtcDateTime >= giveUpAt)
            {
                return new BatchResult(counts, canceled);
            }
        }
    }
}
