using DaprPhotos.ServiceDefaults.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class PipelineMetricsExtensions
{
    /// <summary>
    /// Registers <see cref="PipelineMetrics"/> on the host's meter factory, which a test can listen to
    /// alone; OpenTelemetry exports the meter through <c>ConfigureOpenTelemetry</c>'s name pattern.
    /// </summary>
    public static TBuilder AddPipelineMetrics<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddMetrics();

        // A service registers its own clock after the defaults; TryAdd leaves that one in charge.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<PipelineMetrics>();

        return builder;
    }
}
