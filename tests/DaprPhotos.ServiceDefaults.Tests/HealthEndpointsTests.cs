using System.Net;

namespace DaprPhotos.ServiceDefaults.Tests;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task AliveAnswers200EvenWhenTheSidecarIsDown()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup { Sidecar = FakeSidecar.Down() }, cancellationToken);

        using var response = await service.Client.GetAsync(HealthEndpoints.AlivePath, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthAnswers200WhenTheSidecarAnswers204()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup { Sidecar = FakeSidecar.Answering(HttpStatusCode.NoContent) },
            cancellationToken);

        using var response = await service.Client.GetAsync(HealthEndpoints.HealthPath, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthAnswers503WhenTheSidecarAnswers500()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup { Sidecar = FakeSidecar.Answering(HttpStatusCode.InternalServerError) },
            cancellationToken);

        using var response = await service.Client.GetAsync(HealthEndpoints.HealthPath, cancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task HealthAnswers503WhenTheSidecarIsUnreachable()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup { Sidecar = FakeSidecar.Down() }, cancellationToken);

        using var response = await service.Client.GetAsync(HealthEndpoints.HealthPath, cancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task SidecarCheckAsksOutboundHealthOnTheConfiguredEndpoint()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sidecar = FakeSidecar.Answering(HttpStatusCode.NoContent);
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup { Sidecar = sidecar, DaprHttpEndpoint = "http://daprd.test:3999" },
            cancellationToken);

        using var response = await service.Client.GetAsync(HealthEndpoints.HealthPath, cancellationToken);

        var requested = Assert.Single(sidecar.RequestedUris);
        Assert.Equal(new Uri("http://daprd.test:3999/v1.0/healthz/outbound"), requested);
    }

    [Fact]
    public async Task SidecarCheckFallsBackToLocalhostOnTheDaprHttpPort()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sidecar = FakeSidecar.Answering(HttpStatusCode.NoContent);
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup { Sidecar = sidecar, DaprHttpEndpoint = null, DaprHttpPort = "3777" },
            cancellationToken);

        using var response = await service.Client.GetAsync(HealthEndpoints.HealthPath, cancellationToken);

        var requested = Assert.Single(sidecar.RequestedUris);
        Assert.Equal(new Uri("http://localhost:3777/v1.0/healthz/outbound"), requested);
    }

    [Fact]
    public async Task AliveDoesNotAskTheSidecar()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sidecar = FakeSidecar.Answering(HttpStatusCode.NoContent);
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup { Sidecar = sidecar }, cancellationToken);

        using var response = await service.Client.GetAsync(HealthEndpoints.AlivePath, cancellationToken);

        Assert.Empty(sidecar.RequestedUris);
    }
}
