using DaprPhotos.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The three calls every DaprPhotos service makes: <see cref="AddServiceDefaults{TBuilder}"/> at
/// registration, <see cref="UseServiceDefaults"/> first in the pipeline, <see cref="MapDefaultEndpoints"/>
/// beside its own endpoints.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddPipelineMetrics();
        builder.AddDefaultHealthChecks();
        builder.AddProblemDetailsDefaults();
        builder.AddDaprAppTokenAuthorization();
        builder.AddDaprDefaults();

        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // First, so a failure anywhere after, Dapr's CloudEvents middleware included, is problem details.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Registered here rather than left to WebApplication, which would put them ahead of the two above:
        // the app-token policy's bare 401 must pass back through UseStatusCodePages.
        app.UseAuthentication();
        app.UseAuthorization();

        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Mapped in every environment: daprd's app health probe and Kubernetes call them in production too.
        app.MapHealthChecks(HealthEndpoints.HealthPath);
        app.MapHealthChecks(HealthEndpoints.AlivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthEndpoints.LiveTag),
        });

        return app;
    }
}
