using Dapr.Client;
using DaprPhotos.Testing.Grpc;
using DaprPhotos.Testing.PubSub;
using DaprPhotos.Testing.Resiliency;
using DaprPhotos.Testing.Resources;
using DaprPhotos.Testing.State;
using Grpc.AspNetCore.Server.Model;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.Testing.Hosting;

/// <summary>
/// One daprd for one app replica: it serves the Dapr gRPC API (HTTP/2) and the HTTP health routes
/// on two loopback ports, like daprd's 50001 and 3500, loads the components scoped to its app id,
/// and delivers messages to its app. An app reaches it through the same settings daprd's CLI sets
/// (<see cref="AppSettings"/>), so services need no test hooks.
/// </summary>
public sealed partial class TestSidecar : IAsyncDisposable
{
    private static int s_nextId;
    private readonly WebApplication _host;
    private readonly Dictionary<string, PolicySet> _policies = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private TaskCompletionSource _available = CompletedSignal();
    private HttpClient? _appClient;

    private TestSidecar(DaprTestEnvironment environment, string appId, TestSidecarOptions options)
    {
        Environment = environment;
        AppId = appId;
        Options = options;
        Components = [.. environment.Resources.Components.Where(component => component.IsLoadedBy(appId))];
        RejectSecondActorStateStore();
        StatePrefixes = Components.Where(component => component.IsStateStore)
            .ToDictionary(component => component.Name, component => StateKeyPrefix.For(component, appId, environment.Namespace));
        _host = BuildHost();
    }

    public string AppId { get; }

    /// <summary>Tells replicas of one app id apart.</summary>
    public int Id { get; } = Interlocked.Increment(ref s_nextId);

    public DaprTestEnvironment Environment { get; }

    public TestSidecarOptions Options { get; }

    /// <summary>The components this app id loads (those whose scopes include it).</summary>
    public IReadOnlyList<ComponentSpec> Components { get; }

    public IReadOnlyList<SubscriptionSpec> Subscriptions { get; private set; } = [];

    public bool IsAvailable => _available.Task.IsCompleted;

    internal IReadOnlyDictionary<string, string> StatePrefixes { get; }

    internal HttpClient AppClient =>
        _appClient ?? throw new InvalidOperationException($"No app is connected to the {AppId} sidecar.");

    /// <summary>The gRPC API address, as in <c>DAPR_GRPC_ENDPOINT</c>.</summary>
    public string GrpcEndpoint { get; private set; } = "";

    /// <summary>The HTTP API address (health routes), as in <c>DAPR_HTTP_ENDPOINT</c>.</summary>
    public string HttpEndpoint { get; private set; } = "";

    /// <summary>The settings the Dapr CLI gives an app, for its configuration or environment.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["APP_ID"] = AppId,
        ["DAPR_GRPC_ENDPOINT"] = GrpcEndpoint,
        ["DAPR_HTTP_ENDPOINT"] = HttpEndpoint,
        ["DAPR_API_TOKEN"] = Options.ApiToken,
        ["APP_API_TOKEN"] = Options.AppApiToken,
    };

    internal static async Task<TestSidecar> StartAsync(
        DaprTestEnvironment environment, string appId, TestSidecarOptions options)
    {
        var sidecar = new TestSidecar(environment, appId, options);
        await sidecar._host.StartAsync();
        var addresses = sidecar._host.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.ToList();
        sidecar.GrpcEndpoint = addresses[0];
        sidecar.HttpEndpoint = addresses[1];
        sidecar.StartOutboxRelays();
        return sidecar;
    }

    /// <summary>A DaprClient on this sidecar, as an app would build one from <see cref="AppSettings"/>.</summary>
    public DaprClient CreateDaprClient()
    {
        var builder = new DaprClientBuilder().UseGrpcEndpoint(GrpcEndpoint).UseHttpEndpoint(HttpEndpoint);
        if (Options.ApiToken is { } token)
        {
            builder.UseDaprApiToken(token);
        }

        return builder.Build();
    }

    /// <summary>
    /// Makes the sidecar unreachable until the returned scope ends: API calls fail with Unavailable,
    /// health probes answer 500 and no message is delivered to the app.
    /// </summary>
    public IDisposable BeUnavailable()
    {
        lock (_sync)
        {
            if (IsAvailable)
            {
                _available = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Restore(this);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var broker in ConnectedBrokers())
        {
            broker.Leave(this);
        }

        _appClient?.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }

    internal Task WaitUntilAvailableAsync(CancellationToken cancellationToken) =>
        _available.Task.WaitAsync(cancellationToken);

    internal PolicySet InboundPolicies(string pubSubName) => Policies(pubSubName, inbound: true);

    internal PolicySet OutboundPolicies(string componentName) => Policies(componentName, inbound: false);

    private PolicySet Policies(string componentName, bool inbound)
    {
        lock (_sync)
        {
            var key = $"{componentName}:{inbound}";
            if (!_policies.TryGetValue(key, out var policies))
            {
                var component = Components.First(candidate => candidate.Name == componentName);
                policies = ComponentPolicies.Resolve(
                    Environment.Resources.Resiliencies, AppId, component, inbound, Environment.Time);
                _policies.Add(key, policies);
            }

            return policies;
        }
    }

    // daprd refuses to start with two: "detected duplicate actor state store".
    private void RejectSecondActorStateStore()
    {
        var actorStores = Components.Where(component => component.IsStateStore && component.GetMetadataFlag("actorStateStore"));
        if (actorStores.Count() > 1)
        {
            throw new Resources.DaprResourceException(
                $"app {AppId}: detected duplicate actor state store: {string.Join(", ", actorStores.Select(c => c.Name))}");
        }
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

        var host = builder.Build();
        host.MapGrpcService<DaprApiService>();
        host.MapGet("/v1.0/healthz", Health);
        host.MapGet("/v1.0/healthz/outbound", Health);
        return host;
    }

    private IResult Health() => IsAvailable ? Results.NoContent() : Results.StatusCode(StatusCodes.Status500InternalServerError);

    private static TaskCompletionSource CompletedSignal()
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.SetResult();
        return signal;
    }

    private sealed class Restore(TestSidecar sidecar) : IDisposable
    {
        public void Dispose() => sidecar._available.TrySetResult();
    }
}
