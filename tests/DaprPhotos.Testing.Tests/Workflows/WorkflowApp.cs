using Dapr.Workflow;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DaprPhotos.Testing.Tests.Workflows;

/// <summary>
/// A bare app with a Dapr.Workflow worker, wired to its sidecar by the CLI's settings alone.
/// </summary>
internal sealed class WorkflowApp : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkflowApp(IHost host) => _host = host;

    public DaprWorkflowClient Client => _host.Services.GetRequiredService<DaprWorkflowClient>();

    public static async Task<WorkflowApp> StartAsync(
        TestSidecar sidecar, CancellationToken cancellationToken, ActivityGate? gate = null)
    {
        var builder = Host.CreateApplicationBuilder();
        foreach (var (key, value) in sidecar.AppSettings)
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<CanaryWorkflow>();
            options.RegisterActivity<GreetActivity>();
            options.RegisterWorkflow<GatedWorkflow>();
            options.RegisterActivity<GatedActivity>();
        });
        builder.Services.AddSingleton(gate ?? new ActivityGate("an app without a gate"));
        builder.Services.AddTestSidecarWorkflowWire();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new WorkflowApp(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
