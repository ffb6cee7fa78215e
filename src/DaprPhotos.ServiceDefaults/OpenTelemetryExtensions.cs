using DaprPhotos.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class OpenTelemetryExtensions
{
    /// <summary>Every ActivitySource and Meter a DaprPhotos service creates is named under this.</summary>
    public const string SourceNamePattern = "DaprPhotos.*";

    private const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourceNamePattern))
            .WithTracing(tracing => tracing
                .AddSource(SourceNamePattern)
                // Probes arrive every few seconds and would bury the traces of real work.
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !HealthEndpoints.IsProbe(context.Request.Path))
                // Covers Dapr's gRPC calls too: Grpc.Net.Client sends through HttpClient.
                .AddHttpClientInstrumentation(options =>
                    options.FilterHttpRequestMessage = request => !IsSidecarProbe(request)));

        // Without an endpoint the exporter would retry a collector that is not there on every batch.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsSidecarProbe(HttpRequestMessage request) =>
        request.RequestUri?.AbsolutePath.EndsWith(
            DaprSidecarHealthCheck.OutboundHealthPath, StringComparison.Ordinal) == true;
}
