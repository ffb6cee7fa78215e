using Dapr.Client;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.Testing.Tests.Support;

/// <summary>
/// A minimal Dapr app, built the way a real one is (AddDaprClient from configuration,
/// UseCloudEvents, MapSubscribeHandler), that records every request its sidecar sends it.
/// </summary>
internal sealed class TinyApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TinyApp(WebApplication app, TestSidecar sidecar)
    {
        _app = app;
        Sidecar = sidecar;
    }

    public TestSidecar Sidecar { get; }

    /// <summary>Every request the sidecar made, as it arrived (before UseCloudEvents unwrapped it).</summary>
    public ObservableLog<ReceivedRequest> Received { get; } = new();

    public DaprClient Dapr => _app.Services.GetRequiredService<DaprClient>();

    public static async Task<TinyApp> StartAsync(
        TestSidecar sidecar, Action<WebApplication> mapEndpoints, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(sidecar.AppSettings);
        builder.Services.AddDaprClient();

        var app = builder.Build();
        var tinyApp = new TinyApp(app, sidecar);
        app.Use(tinyApp.RecordAsync);
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        mapEndpoints(app);

        await app.StartAsync(cancellationToken);
        await sidecar.ConnectAppAsync(app.GetTestServer().CreateHandler(), cancellationToken);
        return tinyApp;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var headers = context.Request.Headers.ToDictionary(
            header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Received.Add(new ReceivedRequest(context.Request.Method, context.Request.Path, headers, body));
        await next(context);
    }
}

internal sealed record ReceivedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public override string ToString() => $"{Method} {Path} {Body}";
}
