using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;

namespace DaprPhotos.Testing.Workflows;

/// <summary>How an app's Dapr.Workflow client is pointed at its test sidecar's workflow engine.</summary>
public static class WorkflowWiring
{
    /// <summary>
    /// Adds <see cref="WorkflowWireShim"/> to the app's gRPC clients. Dapr.Workflow's worker and
    /// client find the sidecar through <c>DAPR_GRPC_ENDPOINT</c> as with daprd; only the wire needs
    /// this. An app without workflows has no such client and is unaffected.
    /// </summary>
    public static IServiceCollection AddTestSidecarWorkflowWire(this IServiceCollection services) =>
        services.ConfigureAll<GrpcClientFactoryOptions>(options =>
            options.InterceptorRegistrations.Add(
                new InterceptorRegistration(InterceptorScope.Channel, _ => new WorkflowWireShim())));
}
