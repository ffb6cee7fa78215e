using DaprPhotos.Testing.Workflows;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.Testing.Hosting;

// The workflow engine: daprd serves Dapr.Workflow's TaskHubSidecarService on the same gRPC port as
// the Dapr API. Here an in-memory durable-task backend plays it, one per sidecar, so a workflow's
// history outlives its app: an app that stops and starts again on the same sidecar resumes it.
public sealed partial class TestSidecar
{
    /// <summary>
    /// Whether this app id loads an actor state store; without one, daprd's workflow calls fail.
    /// </summary>
    public bool HasActorStateStore =>
        Components.Any(component => component.IsStateStore && component.GetMetadataFlag("actorStateStore"));

    private void AddWorkflowEngine(IServiceCollection services)
    {
        services.AddSingleton(provider =>
            new InMemoryOrchestrationService(provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IOrchestrationService>(provider =>
            provider.GetRequiredService<InMemoryOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceClient>(provider =>
            provider.GetRequiredService<InMemoryOrchestrationService>());

        // One instance for the whole host: it holds the single work-item stream of the app's worker.
        services.AddSingleton<TaskHubGrpcServer>();
        services.AddSingleton(new WorkflowApiGate(this));
        services.AddSingleton<WorkItemRedelivery>();
        services.AddGrpc().AddServiceOptions<TaskHubGrpcServer>(grpc =>
        {
            grpc.Interceptors.Add<WorkflowApiGate>();
            grpc.Interceptors.Add<WorkItemRedelivery>();
        });
    }

    private static void MapWorkflowEngine(WebApplication host) => host.MapGrpcService<TaskHubGrpcServer>();
}
