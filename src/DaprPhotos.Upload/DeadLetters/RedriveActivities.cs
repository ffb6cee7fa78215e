using Dapr;
using Dapr.Workflow;
using DaprPhotos.Upload.Jobs;

namespace DaprPhotos.Upload.DeadLetters;

public sealed record PlanRedrive(string JobId, IReadOnlyList<string>? DeadLetterIds, int BatchSize);

/// <param name="Chosen">The caller named the dead letters: redrive them even if redriven before.</param>
public sealed record RedriveBatch(string JobId, int Number, bool Chosen);

/// <summary>Stores the dead letters to redrive in batches: those named, or every pending one.</summary>
public sealed class PlanRedriveActivity(DeadLetterStore deadLetters, JobPlans plans)
    : WorkflowActivity<PlanRedrive, JobPlan>
{
    public override async Task<JobPlan> RunAsync(WorkflowActivityContext context, PlanRedrive input)
    {
        var ids = input.DeadLetterIds ?? await PendingAsync(context.CancellationToken);
        var note = input.DeadLetterIds is null ? $"{ids.Count} pending dead letters" : $"{ids.Count} chosen";
        return await plans.SaveAsync(input.JobId, ids, input.BatchSize, note, context.CancellationToken);
    }

    private async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var day in await deadLetters.DaysAsync(cancellationToken))
        {
            var records = await deadLetters.GetManyAsync(await deadLetters.DayAsync(day, cancellationToken),
                cancellationToken);
            pending.AddRange(records
                .Where(record => record.State == DeadLetterState.Pending)
                .Select(r => r.Id));
        }

        return pending;
    }
}

/// <summary>
/// Redrives one batch. A dead letter already redriven (by an earlier run of this batch, or another
/// job) counts as done unless it was named; one that is gone or cannot be published counts as failed.
/// </summary>
public sealed class RedriveBatchActivity(
    DeadLetterStore deadLetters, JobPlans plans, ILogger<RedriveBatchActivity> logger)
    : WorkflowActivity<RedriveBatch, BatchCounts>
{
    public override async Task<BatchCounts> RunAsync(WorkflowActivityContext context, RedriveBatch input)
    {
        var ids = await plans.BatchAsync(input.JobId, input.Number, context.CancellationToken);
        var records = (await deadLetters.GetManyAsync(ids, context.CancellationToken))
            .ToDictionary(r => r.Id);
        var done = 0;
        var failed = ids.Count(id => !records.ContainsKey(id));
        foreach (var record in records.Values)
        {
            if (record.State == DeadLetterState.Redriven && !input.Chosen)
            {
                done++;
                continue;
            }

            try
            {
                await deadLetters.RedriveAsync(record, context.CancellationToken);
                UploadLog.Redriven(
                    logger, record.Id, record.PhotoId, record.EventId, record.Topic, input.JobId);
                done++;
            }
            catch (DaprException ex)
            {
                UploadLog.RedriveFailed(logger, record.Id, record.PhotoId, input.JobId, ex);
                failed++;
            }
        }

        return new BatchCounts(done, failed);
    }
}
