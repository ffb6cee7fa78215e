using Dapr.Client;
using Dapr.Workflow;
using DaprPhotos.Contracts;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// One job of a kind at a time: two reprocessing runs would mark the same photos and count each
/// other's results. A claim names the running job; a claim whose workflow no longer runs (it ended,
/// failed or was terminated) is stale and can be taken over. A fresh claim whose workflow does not
/// exist yet belongs to a start still under way, so it holds for a short while.
/// </summary>
public sealed class JobClaims(DaprClient dapr, DaprWorkflowClient workflows, TimeProvider time)
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };
    private static readonly TimeSpan StartingFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Claims the kind for <paramref name="jobId"/>; returns the running job's id when taken.
    /// </summary>
    public async Task<string?> TryClaimAsync(string kind, string jobId, CancellationToken cancellationToken)
    {
        var (claim, etag) = await dapr.GetStateAndETagAsync<JobClaim?>(
            ComponentNames.Photos, Key(kind), cancellationToken: cancellationToken);
        if (claim is not null)
        {
            var state = await workflows.GetWorkflowStateAsync(claim.JobId, false, cancellationToken);
            var starting = state is not { Exists: true } && time.GetUtcNow() - claim.ClaimedAt < StartingFor;
            if (starting || (state is { Exists: true } && (state.IsWorkflowRunning
                || state.RuntimeStatus is WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Suspended)))
            {
                return claim.JobId;
            }
        }

        var claimed = await dapr.TrySaveStateAsync(
            ComponentNames.Photos, Key(kind), new JobClaim(jobId, time.GetUtcNow()), etag, FirstWrite,
            cancellationToken: cancellationToken);
        return claimed ? null : (await CurrentAsync(kind, cancellationToken))?.JobId ?? "another job";
    }

    /// <summary>Releases the claim if <paramref name="jobId"/> still holds it.</summary>
    public async Task ReleaseAsync(string kind, string jobId, CancellationToken cancellationToken)
    {
        var (claim, etag) = await dapr.GetStateAndETagAsync<JobClaim?>(
            ComponentNames.Photos, Key(kind), cancellationToken: cancellationToken);
        if (claim?.JobId == jobId)
        {
            await dapr.TryDeleteStateAsync(
                ComponentNames.Photos, Key(kind), etag, cancellationToken: cancellationToken);
        }
    }

    private Task<JobClaim?> CurrentAsync(string kind, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<JobClaim?>(ComponentNames.Photos, Key(kind), cancellationToken: cancellationToken);

    private static string Key(string kind) => $"jobs/{kind}/claim";

    private sealed record JobClaim(string JobId, DateTimeOffset ClaimedAt);
}
