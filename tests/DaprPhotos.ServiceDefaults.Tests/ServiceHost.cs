using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DaprPhotos.ServiceDefaults.Tests;

/// <summary>What a test varies about the service under test; the rest is the service defaults.</summary>
internal sealed record ServiceSetup
{
    public FakeSidecar Sidecar { get; init; } = FakeSidecar.Answering(HttpStatusCode.NoContent);

    public string? DaprHttpEndpoint { get; init; } = "http://sidecar.test:3500";

    public string? DaprHttpPort { get; init; }

    public string? AppApiToken { get; init; }

    public Action<IEndpointRouteBuilder> Endpoints { get; init; } = _ => { };

    /// <summary>Registers or replaces services (a handler, a clock) after the service defaults.</summary>
    public Action<IServiceCollection> TestServices { get; init; } = _ => { };
}

/// <summary>
/// A tiny service in memory, wired exactly as Program.cs wires a real one (AddServiceDefaults,
/// UseServiceDefaults, MapDefaultEndpoints), with its sidecar replaced by a <see cref="FakeSidecar"/>.
/// One per test.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServiceHost> StartAsync(ServiceSetup setup, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseTestServer();

        // Set last, and null where unset, so variables in the test runner's environment cannot leak in.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_HTTP_ENDPOINT"] = setup.DaprHttpEndpoint,
            ["DAPR_HTTP_PORT"] = setup.DaprHttpPort,
            ["APP_API_TOKEN"] = setup.AppApiToken,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
        });

        builder.AddServiceDefaults();
        builder.Services.AddHttpClient(DaprSidecarHealthCheck.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => setup.Sidecar);
        setup.TestServices(builder.Services);

        var app = builder.Build();
        app.UseServiceDefaults();
        setup.Endpoints(app);
        app.MapDefaultEndpoints();

        await app.StartAsync(cancellationToken);

        return new ServiceHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
