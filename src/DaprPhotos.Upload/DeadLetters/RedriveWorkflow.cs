using Dapr.Workflow;
using DaprPhotos.Upload.Jobs;

namespace DaprPhotos.Upload.DeadLetters;

/// <param name="DeadLetterIds">The dead letters to redrive; null for every pending one.</param>
public sealed record RedriveInput(IReadOnlyList<string>? DeadLetterIds, JobSettings Settings)
    : BatchJobInput(Settings);

/// <summary>
/// Publishes dead letters again, batch by batch with a durable timer between batches. A redriven
/// event that fails again comes back as a dead letter, pending again; the job does not wait for it.
/// </summary>
public sealed class RedriveWorkflow : BatchJobWorkflow<RedriveInput>
{
    public const string JobKind = "redrive";

    protected override string Kind => JobKind;

    protected override Task<JobPlan> PlanAsync(WorkflowContext context, RedriveInput input) =>
        context.CallActivityAsync<JobPlan>(
            nameof(PlanRedriveActivity),
            new PlanRedrive(context.InstanceId, input.DeadLetterIds, input.Settings.BatchSize));

    protected override async Task<BatchResult> RunBatchAsync(
        WorkflowContext context, RedriveInput input, JobPlan plan, int batch) =>
        new(await context.CallActivityAsync<BatchCounts>(
            nameof(RedriveBatchActivity),
            new RedriveBatch(context.InstanceId, batch, input.DeadLetterIds is not null)));
}
