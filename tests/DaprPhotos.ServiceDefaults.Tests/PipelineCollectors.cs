using System.Diagnostics.Metrics;
using DaprPhotos.ServiceDefaults.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace DaprPhotos.ServiceDefaults.Tests;

/// <summary>
/// Listens to one pipeline instrument of one host only: tests running side by side record on meters
/// of the same name, but each host has its own meter factory.
/// </summary>
internal static class PipelineCollectors
{
    public static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct =>
        new(services.GetRequiredService<IMeterFactory>(), PipelineMetricNames.MeterName, instrument);
}
