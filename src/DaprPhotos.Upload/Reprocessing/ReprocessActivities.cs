using Dapr.Workflow;
using DaprPhotos.Upload.Jobs;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.Reprocessing;

public sealed record PlanReprocess(string JobId, ReprocessSelection Selection, int BatchSize);

/// <param name="TargetRenditionSet">The rendition set each photo must come back with, when known.</param>
public sealed record ReprocessBatch(string JobId, int Number, string? TargetRenditionSet);

/// <summary>The photos of a batch that was asked for, to count as they come back.</summary>
public sealed record CheckReprocess(string JobId, IReadOnlyList<string> PhotoIds);

/// <summary>Chooses the photos to reprocess and stores them in batches.</summary>
public sealed class PlanReprocessActivity(ReprocessCandidates candidates, JobPlans plans)
    : WorkflowActivity<PlanReprocess, JobPlan>
{
    public override async Task<JobPlan> RunAsync(WorkflowActivityContext context, PlanReprocess input)
    {
        var chosen = await candidates.FindAsync(input.Selection, context.CancellationToken);
        var plan = await plans.SaveAsync(
            input.JobId, chosen.PhotoIds, input.BatchSize, chosen.Note, context.CancellationToken);
        return plan with { Target = chosen.CurrentRenditionSet };
    }
}

/// <summary>
/// Marks each photo of the batch with the job and publishes its <c>photo-reprocess-requested</c>.
/// Run again after a crash, it marks nothing twice and asks again, which the pipeline absorbs.
/// Returns the batch's photo ids, so the polls that follow need not read the plan again.
/// </summary>
public sealed class RequestReprocessActivity(
    JobPlans plans,
    PhotoRepository photos,
    ReprocessRequests requests)
    : WorkflowActivity<ReprocessBatch, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(
        WorkflowActivityContext context, ReprocessBatch input)
    {
        var photoIds = await plans.BatchAsync(input.JobId, input.Number, context.CancellationToken);
        foreach (var photoId in photoIds)
        {
            var update = await photos.UpdateAsync(
                photoId,
                record => PhotoTransitions.RequestReprocess(record, input.JobId, input.TargetRenditionSet),
                context.CancellationToken);
            if (update.Record is { IsDeleted: false } record)
            {
                await requests.PublishAsync(
                    record, input.JobId, input.TargetRenditionSet, context.CancellationToken);
            }
        }

        return photoIds;
    }
}

/// <summary>
/// Counts the batch's photos: back (or deleted meanwhile, nothing left to do), failed, still pending.
/// </summary>
public sealed class CheckReprocessActivity(PhotoRepository photos)
    : WorkflowActivity<CheckReprocess, BatchCounts>
{
    public override async Task<BatchCounts> RunAsync(WorkflowActivityContext context, CheckReprocess input)
    {
        var photoIds = input.PhotoIds;
        var records = (await photos.GetManyAsync(photoIds, context.CancellationToken))
            .ToDictionary(r => r.Id);
        var outcomes = photoIds
            .Select(photoId => OutcomeOf(records.GetValueOrDefault(photoId), input.JobId))
            .ToList();
        return new BatchCounts(
            outcomes.Count(outcome => outcome == ReprocessOutcome.Done),
            outcomes.Count(outcome => outcome == ReprocessOutcome.Failed),
            outcomes.Count(outcome => outcome == ReprocessOutcome.Pending));
    }

    // A photo deleted meanwhile has nothing left to do; one without this job's mark was never asked.
    private static ReprocessOutcome OutcomeOf(PhotoRecord? record, string jobId) =>
        record is null or { IsDeleted: true } ? ReprocessOutcome.Done
        : record.Reprocess is { } mark && mark.RequestId == jobId ? mark.Outcome
        : ReprocessOutcome.Failed;
}
