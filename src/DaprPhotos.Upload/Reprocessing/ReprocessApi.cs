using DaprPhotos.Upload.Jobs;

namespace DaprPhotos.Upload.Reprocessing;

/// <summary>Optional body of <c>POST /admin/reprocess</c>: both kinds of photo by default.</summary>
public sealed record ReprocessRequest(bool? Outdated, bool? Failed);

/// <summary><c>/admin/reprocess</c>: start a reprocessing job, watch it, cancel it.</summary>
public static class ReprocessApi
{
    public const string Route = "/admin/reprocess";

    public static RouteGroupBuilder MapReprocessApi(this RouteGroupBuilder admin)
    {
        var reprocess = admin.MapGroup("/reprocess").WithTags("Admin");

        reprocess.MapPost("/", StartAsync)
            .WithName("StartReprocess")
            .WithSummary("Re-render and re-index photos whose renditions are outdated, or that failed")
            .Produces<JobStatusResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        reprocess.MapJobStatusAndCancel(ReprocessWorkflow.JobKind, Route, "Reprocess");

        return admin;
    }

    private static async Task<IResult> StartAsync(
        ReprocessRequest? request, JobRunner jobs, CancellationToken cancellationToken)
    {
        var selection = new ReprocessSelection(request?.Outdated ?? true, request?.Failed ?? true);
        if (!selection.Outdated && !selection.Failed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["outdated"] = ["At least one of outdated and failed must be true."],
                ["failed"] = ["At least one of outdated and failed must be true."],
            });
        }

        return await jobs.StartAsync(
            ReprocessWorkflow.JobKind,
            nameof(ReprocessWorkflow),
            new ReprocessInput(selection, jobs.Settings),
            Route,
            cancellationToken);
    }
}
