using Dapr.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// Starts, shows and cancels admin jobs, one workflow each, for the admin API. A job of a kind that
/// is already running answers 409 naming it; a job of another kind, or none, is 404.
/// </summary>
public sealed class JobRunner(
    DaprWorkflowClient workflows, JobClaims claims, IOptions<JobOptions> options, ILogger<JobRunner> logger)
{
    public JobSettings Settings => options.Value.ToSettings();

    public async Task<IResult> StartAsync(
        string kind,
        string workflowName,
        BatchJobInput input,
        string route,
        CancellationToken cancellationToken)
    {
        var id = $"{kind}-{Guid.NewGuid():N}";
        if (await claims.TryClaimAsync(kind, id, cancellationToken) is { } running)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"A {kind} job is already running",
                detail: $"Job {running} is still running: watch it at {route}/{running}, or cancel it first.",
                extensions: new Dictionary<string, object?> { ["jobId"] = running });
        }

        try
        {
            await workflows.ScheduleNewWorkflowAsync(workflowName, id, input);
        }
        catch
        {
            await claims.ReleaseAsync(kind, id, CancellationToken.None);
            throw;
        }

        UploadLog.JobStarted(logger, kind, id);
        var state = await workflows.GetWorkflowStateAsync(id, true, cancellationToken);
        return TypedResults.Accepted(
            $"{route}/{id}", JobStatusResponse.From(kind, id, $"{route}/{id}", state));
    }

    public async Task<Results<Ok<JobStatusResponse>, ProblemHttpResult>> StatusAsync(
        string kind, string id, string route, CancellationToken cancellationToken) =>
        await FindAsync(kind, id, route, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : NotFound(kind, id);

    /// <summary>Asks a running job to stop at its next wait; what it finished stays done.</summary>
    public async Task<IResult> CancelAsync(
        string kind,
        string id,
        string route,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(kind, id, route, cancellationToken) is not { } job)
        {
            return NotFound(kind, id);
        }

        if (!job.IsRunning)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The job has ended",
                detail: $"Job {id} is {job.Status}; only a running job can be cancelled.");
        }

        await workflows.RaiseEventAsync(id, JobSteps.CancelEvent, true, cancellationToken);
        return TypedResults.Accepted(job.Links.Self, job);
    }

    private async Task<JobStatusResponse?> FindAsync(
        string kind, string id, string route, CancellationToken cancellationToken)
    {
        if (!id.StartsWith($"{kind}-", StringComparison.Ordinal))
        {
            return null;
        }

        var state = await workflows.GetWorkflowStateAsync(id, true, cancellationToken);
        return state is { Exists: true } ? JobStatusResponse.From(kind, id, $"{route}/{id}", state) : null;
    }

    private static ProblemHttpResult NotFound(string kind, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"No such {kind} job",
            detail: $"There is no {kind} job {id}.");
}
