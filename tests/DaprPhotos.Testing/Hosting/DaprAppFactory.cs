using DaprPhotos.Testing.Workflows;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DaprPhotos.Testing.Hosting;

/// <summary>
/// Hosts a service under test beside its test sidecar, wired both ways: the service finds the
/// sidecar through the settings daprd's CLI would give it, and the sidecar delivers messages
/// through the service's in-memory server.
/// </summary>
public class DaprAppFactory<TEntryPoint>(TestSidecar sidecar) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public TestSidecar Sidecar { get; } = sidecar;

    /// <summary>
    /// Replaces services for one test (a clock, say), after the service registered its own.
    /// </summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Starts the service, then lets the sidecar read its subscriptions and deliver.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        StartServer();
        await Sidecar.ConnectAppAsync(Server.CreateHandler(), cancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings beat environment variables, so a developer's own DAPR_* variables cannot leak in.
        foreach (var (key, value) in Sidecar.AppSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddTestSidecarWorkflowWire());
        if (TestServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
    }
}
