using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.Testing.Tests.PubSub;

/// <summary>
/// An app without the Dapr SDK, for answers the SDK would never give: it serves exactly the routes a
/// test maps (its own <c>/dapr/subscribe</c> included) and records every request.
/// </summary>
internal sealed class RawApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawApp(WebApplication app) => _app = app;

    public ObservableLog<ReceivedRequest> Received { get; } = new();

    public static async Task<RawApp> StartAsync(TestSidecar sidecar, Action<WebApplication> mapEndpoints)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var rawApp = new RawApp(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Request.Headers.ToDictionary(
                header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            rawApp.Received.Add(
                new ReceivedRequest(context.Request.Method, context.Request.Path, headers, body));
            await next(context);
        });
        mapEndpoints(app);

        await app.StartAsync(PubSubKit.Cancellation);
        await sidecar.ConnectAppAsync(app.GetTestServer().CreateHandler(), PubSubKit.Cancellation);
        return rawApp;
    }

    /// <summary>Maps <c>GET /dapr/subscribe</c> to answer with exactly this JSON.</summary>
    public static void Subscriptions(WebApplication app, string json) =>
        app.MapGet("/dapr/subscribe", () => Results.Text(json, "application/json"));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
