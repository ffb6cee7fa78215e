using Dapr.Client;
using DaprPhotos.Testing.Resources;
using DaprPhotos.Testing.State;
using Microsoft.AspNetCore.Builder;

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
    private readonly Lock _sync = new();
    private HttpClient? _appClient;

    private TestSidecar(DaprTestEnvironment environment, string appId, TestSidecarOptions options)
    {
        Environment = environment;
        AppId = appId;
        Options = options;
        Components = [.. environment.Resources.Components.Where(component => component.IsLoadedBy(appId))];
        RejectSecondActorStateStore();
        StatePrefixes = Components
            .Where(component => component.IsStateStore)
            .ToDictionary(
                component => component.Name,
                component => StateKeyPrefix.For(component, appId, environment.Namespace));
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

    /// <summary>
    /// A DaprClient on this sidecar, as an app would build one from <see cref="AppSettings"/>.
    /// </summary>
    public DaprClient CreateDaprClient()
    {
        var builder = new DaprClientBuilder()
            .UseGrpcEndpoint(GrpcEndpoint)
            .UseHttpEndpoint(HttpEndpoint);
        if (Options.ApiToken is { } token)
        {
            builder.UseDaprApiToken(token);
        }

        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        DisconnectApp();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }

    // daprd refuses to start with two: "detected duplicate actor state store".
    private void RejectSecondActorStateStore()
    {
        var actorStores = Components.Where(component =>
            component.IsStateStore && component.GetMetadataFlag("actorStateStore"));
        if (actorStores.Count() > 1)
        {
            var names = string.Join(", ", actorStores.Select(c => c.Name));
            throw new Resources.DaprResourceException(
                $"app {AppId}: detected duplicate actor state store: {names}");
        }
    }
}
