using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Upload.Jobs;

/// <summary>
/// Guards the admin API: with a configured key, the right <c>X-Admin-Key</c>; without one, loopback
/// callers only. Reprocessing everything is not something any client of the upload API may start.
/// </summary>
// REVIEW: One shared key is all the admin API knows: no per-operator identity, roles or audit
// trail. Behind an ingress that authenticates operators, that is enough; on its own it is not.
public sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Admin-Key";

    public ValueTask<object?> InvokeAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (options.Value.ApiKey is { Length: > 0 } key)
        {
            var sent = http.Request.Headers[HeaderName].ToString();
            return FixedTimeEquals(sent, key)
                ? next(context)
                : Refuse(StatusCodes.Status401Unauthorized,
                    $"Send the admin key in the {HeaderName} header.");
        }

        return http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            ? next(context)
            : Refuse(StatusCodes.Status403Forbidden,
                "The admin API answers only on this machine until Admin:ApiKey is configured.");
    }

    private static bool FixedTimeEquals(string sent, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(key));

    private static ValueTask<object?> Refuse(int status, string detail) =>
        ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: status, title: "The admin API is not open to this caller", detail: detail));
}
