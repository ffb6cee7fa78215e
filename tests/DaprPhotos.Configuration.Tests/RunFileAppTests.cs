using DaprPhotos.Configuration.Tests.Support;
using DaprPhotos.Contracts;
using DaprPhotos.ServiceDefaults;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// Each run file starts the three services under the ids the code uses, from their own projects,
/// on distinct ports, with daprd probing the health endpoint the services map.
/// </summary>
public sealed class RunFileAppTests
{
    [Theory]
    [EachRunFile]
    public void AppIdsAreThoseOfAppIds(string runFile)
    {
        var appIds = RunFile.Load(runFile).Apps.Select(app => app.AppId);

        Assert.Equal(AppIds.All.Order(StringComparer.Ordinal), appIds.Order(StringComparer.Ordinal));
    }

    [Theory] // DaprPhotos.Upload runs as upload: a swapped appDirPath would run a service under another id
    [EachRunFile]
    public void EachAppDirectoryHoldsTheProjectNamedAfterItsAppId(string runFile)
    {
        foreach (var app in RunFile.Load(runFile).Apps)
        {
            var projects = Directory.Exists(app.AppDirectory)
                ? Directory.GetFiles(app.AppDirectory, "*.csproj")
                : [];

            var project = Assert.Single(projects);
            Assert.Equal($"DaprPhotos.{app.AppId}.csproj", Path.GetFileName(project), ignoreCase: true);
        }
    }

    [Theory]
    [EachRunFile]
    public void AppPortsAreDistinct(string runFile)
    {
        var ports = RunFile.Load(runFile).Apps.Select(app => app.Node.Scalar("appPort")).ToList();

        Assert.All(ports, port => Assert.True(int.TryParse(port, out _), $"appPort '{port}' is not a port"));
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Theory] // daprd calls the app on appPort; the app listens where --urls says
    [EachRunFile]
    public void EachCommandListensOnTheAppPort(string runFile)
    {
        foreach (var app in RunFile.Load(runFile).Apps)
        {
            var urls = app.Command.SkipWhile(argument => argument != "--urls").Skip(1).FirstOrDefault();

            Assert.Equal($"http://localhost:{app.Node.Scalar("appPort")}", urls);
        }
    }

    [Theory] // daprd ignores appHealthCheckPath unless enableAppHealthCheck is true
    [EachRunFile]
    public void DaprdProbesTheHealthEndpointOfEachApp(string runFile)
    {
        foreach (var app in RunFile.Load(runFile).Apps)
        {
            Assert.Equal(HealthEndpoints.HealthPath, app.Setting("appHealthCheckPath"));
            Assert.Equal("true", app.Setting("enableAppHealthCheck"));
        }
    }
}
