using System.Globalization;
using Dapr.Client;
using DaprPhotos.Contracts;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// A job's selection in the <c>photos</c> store, one key per batch of ids, written once when the job
/// plans and read as it goes: the workflow's history then carries batch numbers, not thousands of
/// ids, and a resumed job reads the same batches. The keys expire on their own.
/// </summary>
public sealed class JobPlans(DaprClient dapr, IOptions<JobOptions> options)
{
    private const int BatchesPerWrite = 50;

    public async Task<JobPlan> SaveAsync(
        string jobId,
        IReadOnlyList<string> ids,
        int batchSize,
        string? note,
        CancellationToken cancellationToken)
    {
        var ttl = new Dictionary<string, string>
        {
            ["ttlInSeconds"] = options.Value.PlanTtlSeconds.ToString(CultureInfo.InvariantCulture),
        };
        var batches = ids.Chunk(batchSize)
            .Select((batch, number) =>
                new SaveStateItem<string[]>(BatchKey(jobId, number), batch, null!, metadata: ttl))
            .ToList();
        foreach (var write in batches.Chunk(BatchesPerWrite))
        {
            await dapr.SaveBulkStateAsync(ComponentNames.Photos, write, cancellationToken);
        }

        return new JobPlan(ids.Count, batches.Count, note);
    }

    public async Task<IReadOnlyList<string>> BatchAsync(
        string jobId,
        int number,
        CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<string[]?>(
            ComponentNames.Photos, BatchKey(jobId, number), cancellationToken: cancellationToken)
        ?? throw new InvalidOperationException(
            $"Batch {number} of job {jobId} is not in the store (its plan expired or was never written).");

    private static string BatchKey(string jobId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"job/{jobId}/batch/{number}");
}
