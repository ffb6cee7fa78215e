using DaprPhotos.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class HealthCheckExtensions
{
    private const string SelfCheckName = "self";
    private const string SidecarCheckName = "dapr-sidecar";

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHttpClient(DaprSidecarHealthCheck.HttpClientName, (services, client) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            client.BaseAddress = DaprSidecarHttpEndpoint.Resolve(configuration);
            client.Timeout = DaprSidecarHealthCheck.ProbeTimeout;
        });

        builder.Services.AddHealthChecks()
            .AddCheck(SelfCheckName, () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag])
            .AddCheck<DaprSidecarHealthCheck>(SidecarCheckName, tags: [HealthEndpoints.ReadyTag]);

        return builder;
    }
}
