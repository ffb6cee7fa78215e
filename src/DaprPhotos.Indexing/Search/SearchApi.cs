using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprPhotos.Indexing.Search;

/// <summary><c>GET /search</c>: words, tags, camera, capture time, orientation and place.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/search", SearchAsync)
            .WithName("SearchPhotos")
            .WithSummary("Finds indexed photos; every given criterion must match.")
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchRequest request,
        SearchQueryParser parser,
        SearchEngine engine,
        CancellationToken cancellationToken)
    {
        if (parser.Parse(request, out var errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors, title: "The search has invalid parameters");
        }

        return TypedResults.Ok(await engine.SearchAsync(query, cancellationToken));
    }
}
