using DaprPhotos.Upload.Jobs;
using DaprPhotos.Upload.Reprocessing;

namespace DaprPhotos.Upload.Tests.Workflows;

/// <summary>
/// The reprocessing job's orchestration, run on a workflow context double: one batch per run, a
/// durable wait between polls, cancellation at every wait, and a fresh history for every batch.
/// </summary>
public sealed class ReprocessWorkflowTests
{
    private const string JobId = "reprocess-1";
    private static readonly DateTime Start = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly JobSettings Settings =
        new(BatchSize: 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));

    private static ReprocessInput Input { get; } = new(new ReprocessSelection(true, true), Settings);

    [Fact]
    public async Task TheFirstRunPlansRunsOneBatchAndContinuesAsNewWithItsProgress()
    {
        var context = Context(plan: new JobPlan(Total: 3, Batches: 2, Target: "set-b"))
            .Answer<CheckReprocess, BatchCounts>(nameof(CheckReprocessActivity), _ => new BatchCounts(2, 0));

        var progress = await new ReprocessWorkflow().RunAsync(context, Input);

        var next = Assert.IsType<ReprocessInput>(context.ContinuedWith);
        Assert.Equal(new JobProgress(JobState.Running, 3, 2, 0, Batch: 1, Batches: 2), next.Progress);
        Assert.Equal("set-b", next.Plan?.Target);
        Assert.Equal(next.Progress, progress);
        Assert.Equal(
            [nameof(PlanReprocessActivity), nameof(RequestReprocessActivity), nameof(CheckReprocessActivity)],
            context.ActivityCalls.Select(call => call.Name));
    }

    [Fact]
    public async Task ALaterRunNeitherPlansAgainNorRepeatsFinishedBatches()
    {
        var context = Context(plan: null)
            .Answer<CheckReprocess, BatchCounts>(nameof(CheckReprocessActivity), _ => new BatchCounts(1, 0));
        var resumed = Input with
        {
            Plan = new JobPlan(3, 2),
            Progress = new JobProgress(JobState.Running, 3, 2, 0, Batch: 1, Batches: 2),
        };

        var progress = await new ReprocessWorkflow().RunAsync(context, resumed);

        Assert.Equal(new JobProgress(JobState.Completed, 3, 3, 0, Batch: 2, Batches: 2), progress);
        var request = Assert.IsType<ReprocessBatch>(context.ActivityCalls[0].Input);
        Assert.Equal(1, request.Number);
        Assert.Equal(nameof(FinishJobActivity), context.ActivityCalls[^1].Name);
        Assert.Null(context.ContinuedWith);
    }

    [Fact]
    public async Task ABatchIsPolledUntilEveryPhotoIsBackOrFailed()
    {
        var answers = new Queue<BatchCounts>([new(0, 0, Pending: 2), new(1, 0, Pending: 1), new(1, 1)]);
        var context = Context(plan: new JobPlan(2, 1))
            .Answer<CheckReprocess, BatchCounts>(nameof(CheckReprocessActivity), _ => answers.Dequeue());

        var progress = await new ReprocessWorkflow().RunAsync(context, Input);

        Assert.Equal(
            (JobState.Completed, 1, 1, 0),
            (progress.State, progress.Done, progress.Failed, progress.Remaining));
        Assert.Equal(3, context.ActivityCalls.Count(call => call.Name == nameof(CheckReprocessActivity)));
        Assert.Equal(Start + 3 * Settings.PollInterval, context.CurrentUtcDateTime);
    }

    [Fact]
    public async Task PhotosStillPendingAtTheBatchTimeoutCountAsFailed()
    {
        var context = Context(plan: new JobPlan(2, 1))
            .Answer<CheckReprocess, BatchCounts>(
                nameof(CheckReprocessActivity), _ => new BatchCounts(1, 0, Pending: 1));

        var progress = await new ReprocessWorkflow().RunAsync(context, Input);

        Assert.Equal((JobState.Completed, 1, 1), (progress.State, progress.Done, progress.Failed));
        Assert.True(context.CurrentUtcDateTime >= Start + Settings.BatchTimeout);
    }

    [Fact]
    public async Task ACancelDuringABatchEndsTheJobCountingWhatTheBatchFinished()
    {
        var context = Context(plan: new JobPlan(Total: 4, Batches: 2))
            .Answer<CheckReprocess, BatchCounts>(
                nameof(CheckReprocessActivity), _ => new BatchCounts(1, 0, Pending: 1));
        context.Raise(JobSteps.CancelEvent, true);

        var progress = await new ReprocessWorkflow().RunAsync(context, Input);

        Assert.Equal(new JobProgress(JobState.Canceled, 4, 1, 0, Batch: 0, Batches: 2), progress);
        Assert.Equal(3, progress.Remaining);
        Assert.Null(context.ContinuedWith);
        Assert.Equal(nameof(FinishJobActivity), context.ActivityCalls[^1].Name);
    }

    [Fact]
    public async Task AnEmptySelectionCompletesAtOnceAndReleasesTheClaim()
    {
        var context = Context(plan: new JobPlan(0, 0, Note: "0 outdated; 0 failed"));

        var progress = await new ReprocessWorkflow().RunAsync(context, Input);

        Assert.Equal(
            (JobState.Completed, 0, "0 outdated; 0 failed"),
            (progress.State, progress.Total, progress.Note));
        Assert.Equal([nameof(PlanReprocessActivity), nameof(FinishJobActivity)],
            context.ActivityCalls.Select(call => call.Name));
        var finish = Assert.IsType<FinishJob>(context.ActivityCalls[^1].Input);
        Assert.Equal(new FinishJob(ReprocessWorkflow.JobKind, JobId), finish);
    }

    private static WorkflowContextDouble Context(JobPlan? plan) =>
        new WorkflowContextDouble(JobId, Start)
            .Answer<PlanReprocess, JobPlan>(nameof(PlanReprocessActivity), _ => plan!)
            .Answer<ReprocessBatch, IReadOnlyList<string>>(
                nameof(RequestReprocessActivity), _ => ["p1", "p2"])
            .Answer<FinishJob, bool>(nameof(FinishJobActivity), _ => true);
}
