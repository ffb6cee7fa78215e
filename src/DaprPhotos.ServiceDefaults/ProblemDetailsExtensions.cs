using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsExtensions
{
    private const string TraceIdExtension = "traceId";

    /// <summary>
    /// Every error answers <c>application/problem+json</c> (RFC 9457) carrying the trace id, so a client's
    /// report leads straight to the trace; <c>UseServiceDefaults</c> turns exceptions and bare status codes
    /// into these.
    /// </summary>
    public static TBuilder AddProblemDetailsDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        // ASP.NET Core's default writer adds the same today; stating it here makes it our contract,
        // not a framework default that could change under the clients that rely on it.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd(
                TraceIdExtension, Activity.Current?.Id ?? context.HttpContext.TraceIdentifier));

        return builder;
    }
}
