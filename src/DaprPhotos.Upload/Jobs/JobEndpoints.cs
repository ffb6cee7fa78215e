namespace DaprPhotos.Upload.Jobs;

/// <summary>The two routes every kind of admin job has: its progress, and a cancel.</summary>
public static class JobEndpoints
{
    /// <param name="jobs">The group the job's routes go under, e.g. <c>/admin/reprocess</c>.</param>
    /// <param name="route">That group's full path, for the links in the answers.</param>
    /// <param name="name">The job's name in endpoint names, e.g. <c>Reprocess</c>.</param>
    public static RouteGroupBuilder MapJobStatusAndCancel(
        this RouteGroupBuilder jobs, string kind, string route, string name)
    {
        jobs.MapGet("/{id}", (string id, JobRunner runner, CancellationToken cancellationToken) =>
                runner.StatusAsync(kind, id, route, cancellationToken))
            .WithName($"Get{name}")
            .WithSummary($"A {kind} job's progress: done, failed, remaining")
            .ProducesProblem(StatusCodes.Status404NotFound);

        jobs.MapPost("/{id}/cancel", (string id, JobRunner runner, CancellationToken cancellationToken) =>
                runner.CancelAsync(kind, id, route, cancellationToken))
            .WithName($"Cancel{name}")
            .WithSummary($"Stop a {kind} job at its next wait; what it finished stays done")
            .Produces<JobStatusResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return jobs;
    }
}
