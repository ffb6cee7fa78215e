using DaprPhotos.Upload.DeadLetters;
using DaprPhotos.Upload.Reprocessing;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// The operators' API under <c>/admin</c>: reprocessing and dead letters, behind the admin key.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin")
            .AddEndpointFilter<AdminKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        admin.MapReprocessApi();
        admin.MapDeadLettersApi();
        return endpoints;
    }
}
