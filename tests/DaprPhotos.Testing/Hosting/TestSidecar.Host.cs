using System.Net;
using DaprPhotos.Testing.Grpc;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.Testing.Hosting;

// The sidecar's own web host: the Dapr and workflow gRPC APIs on an HTTP/2 port and the health routes
// on an HTTP/1 port.
public sealed partial class TestSidecar
{
    internal static async Task<TestSidecar> StartAsync(
        DaprTestEnvironment environment, string appId, TestSidecarOptions options)
    {
        var sidecar = new TestSidecar(environment, appId, options);
        await sidecar._host.StartAsync();
        var addresses = sidecar._host.Services
            .GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses
            .ToList();
        sidecar.GrpcEndpoint = addresses[0];
        sidecar.HttpEndpoint = addresses[1];
        sidecar.StartOutboxRelays();
        return sidecar;
    }

    private WebApplication BuildHost()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, endpoint => endpoint.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, endpoint => endpoint.Protocols = HttpProtocols.Http1);
        });
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(grpc =>
        {
            // The size limit is checked by the API itself, to answer with daprd's own message.
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(this);
        builder.Services.AddScoped<DaprApiService>();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IServiceMethodProvider<DaprApiService>, DaprApiMethodProvider>());
        AddWorkflowEngine(builder.Services);

        var host = builder.Build();
        host.MapGrpcService<DaprApiService>();
        MapWorkflowEngine(host);
        host.MapGet("/v1.0/healthz", Health);
        host.MapGet("/v1.0/healthz/outbound", Health);
        return host;
    }
}
