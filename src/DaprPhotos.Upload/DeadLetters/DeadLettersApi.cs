using DaprPhotos.Upload.Jobs;

namespace DaprPhotos.Upload.DeadLetters;

/// <summary>Optional body of <c>POST /admin/dead-letters/redrive</c>: every pending one by default.</summary>
public sealed record RedriveRequest(IReadOnlyList<string>? Ids);

/// <summary><c>/admin/dead-letters</c>: list the events a service gave up on, and redrive them.</summary>
public static class DeadLettersApi
{
    public const string RedrivesRoute = "/admin/dead-letters/redrives";
    private const int MaxChosen = 1000;

    public static RouteGroupBuilder MapDeadLettersApi(this RouteGroupBuilder admin)
    {
        var deadLetters = admin.MapGroup("/dead-letters").WithTags("Admin");

        deadLetters.MapGet("/", ListDeadLettersHandler.HandleAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Dead letters, newest first; filter by state, page with the continuation token")
            .Produces<DeadLetterPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        deadLetters.MapGet("/{id}", GetAsync)
            .WithName("GetDeadLetter")
            .WithSummary("One dead letter, with the event as it was published")
            .ProducesProblem(StatusCodes.Status404NotFound);

        deadLetters.MapPost("/redrive", StartRedriveAsync)
            .WithName("StartRedrive")
            .WithSummary("Publish dead letters again, every pending one or those named")
            .Produces<JobStatusResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        deadLetters.MapGroup("/redrives")
            .MapJobStatusAndCancel(RedriveWorkflow.JobKind, RedrivesRoute, "Redrive");

        return admin;
    }

    private static async Task<IResult> GetAsync(
        string id,
        DeadLetterStore store,
        CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } deadLetter
            ? TypedResults.Ok(deadLetter)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dead letter",
                detail: $"There is no dead letter {id}.");

    private static async Task<IResult> StartRedriveAsync(
        RedriveRequest? request, DeadLetterStore store, JobRunner jobs, CancellationToken cancellationToken)
    {
        if (request?.Ids is { } ids && await ProblemWithAsync(ids, store, cancellationToken) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [problem] });
        }

        return await jobs.StartAsync(
            RedriveWorkflow.JobKind,
            nameof(RedriveWorkflow),
            new RedriveInput(request?.Ids?.Distinct().ToList(), jobs.Settings),
            RedrivesRoute,
            cancellationToken);
    }

    private static async Task<string?> ProblemWithAsync(
        IReadOnlyList<string> ids, DeadLetterStore store, CancellationToken cancellationToken)
    {
        if (ids.Count is 0 or > MaxChosen)
        {
            return $"Name 1 to {MaxChosen} dead letters, or send no ids to redrive every pending one.";
        }

        var known = (await store.GetManyAsync([.. ids.Distinct()], cancellationToken))
            .Select(r => r.Id)
            .ToHashSet();
        var unknown = ids.Where(id => !known.Contains(id)).Distinct().ToList();
        return unknown.Count == 0 ? null : $"Unknown dead letters: {string.Join(", ", unknown.Take(10))}.";
    }
}
