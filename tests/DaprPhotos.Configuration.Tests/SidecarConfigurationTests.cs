using DaprPhotos.Configuration.Tests.Support;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// The Configuration every run file gives daprd (contract §10): traces of every request go to the
/// Zipkin that <c>dapr init</c> starts.
/// </summary>
public sealed class SidecarConfigurationTests
{
    [Theory]
    [EachRunFile]
    public void TheConfigurationTracesEveryRequestToTheZipkinOfDaprInit(string runFile)
    {
        var paths = RunFile.Load(runFile).Apps.Select(app => app.ConfigFilePath).Distinct();

        var configuration = Assert.Single(YamlNodes.LoadDocuments(Assert.Single(paths)!));

        Assert.Equal("dapr.io/v1alpha1", configuration.Scalar("apiVersion"));
        Assert.Equal("Configuration", configuration.Scalar("kind"));
        Assert.Equal("1", configuration.ScalarAt("spec.tracing.samplingRate"));
        Assert.Equal("http://localhost:9411/api/v2/spans",
            configuration.ScalarAt("spec.tracing.zipkin.endpointAddress"));
    }
}
