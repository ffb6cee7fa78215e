using System.Net.Http.Json;
using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Search;
using DaprPhotos.ServiceDefaults;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace DaprPhotos.Indexing.Tests.Support;

/// <summary>
/// The indexing service on the repository's own components, with sidecars playing thumbnails
/// (publishes <c>photo-thumbnailed</c>) and upload (publishes <c>photo-deleted</c>).
/// </summary>
internal sealed class IndexingApplication : IAsyncDisposable
{
    // 10x, not the default 100x: the 60 s delivery timeout must outlast a write on a busy machine.
    private const double ClockSpeedUp = 10;

    private readonly DaprAppFactory<Program> _factory;
    private readonly DaprClient _thumbnails;
    private readonly DaprClient _upload;

    private IndexingApplication(
        DaprTestEnvironment environment,
        DaprAppFactory<Program> factory,
        DaprClient thumbnails,
        DaprClient upload)
    {
        Environment = environment;
        _factory = factory;
        _thumbnails = thumbnails;
        _upload = upload;
        Client = factory.CreateClient();
    }

    public DaprTestEnvironment Environment { get; }

    /// <summary>An HTTP client of the indexing service (for <c>GET /search</c>).</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="sidecar">The indexing sidecar's flags (daprd's defaults when not given).</param>
    public static async Task<IndexingApplication> StartAsync(
        CancellationToken cancellationToken, TestSidecarOptions? sidecar = null)
    {
        var environment = new DaprTestEnvironment(
            DaprResourceSet.FromRepository(),
            new DaprTestEnvironmentOptions { Time = new AcceleratedTimeProvider(ClockSpeedUp) });
        var factory = new DaprAppFactory<Program>(
            await environment.StartSidecarAsync(AppIds.Indexing, sidecar));
        await factory.StartAsync(cancellationToken);
        var thumbnails = (await environment.StartSidecarAsync(AppIds.Thumbnails)).CreateDaprClient();
        var upload = (await environment.StartSidecarAsync(AppIds.Upload)).CreateDaprClient();
        return new IndexingApplication(environment, factory, thumbnails, upload);
    }

    public T Service<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>Publishes the event as the service that owns its topic would.</summary>
    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        (TEvent.Topic == Topics.PhotoDeleted ? _upload : _thumbnails).PublishEventAsync(
            ComponentNames.PubSub,
            TEvent.Topic,
            integrationEvent,
            new Dictionary<string, string> { ["cloudevent.type"] = TEvent.CloudEventType },
            cancellationToken);

    /// <summary>Publishes the event and waits until indexing has settled it; returns how.</summary>
    public async Task<MessageSettled> DeliverAsync<TEvent>(
        TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        await PublishAsync(integrationEvent, cancellationToken);
        var nth = Deliveries.CloudEventIds(this, TEvent.Topic, integrationEvent.PhotoId).Count;
        return await this.SettledAsync(TEvent.Topic, integrationEvent.PhotoId, cancellationToken, nth);
    }

    public async Task<SearchResults> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var response = await Client.GetAsync($"/search?{query}", cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SearchResults>(
            DaprPhotosJson.SerializerOptions, cancellationToken))!;
    }

    /// <summary>The ids found by the search, every page followed (from the token's, when given).</summary>
    public async Task<List<string>> SearchAllAsync(
        string query, CancellationToken cancellationToken, string? token = null)
    {
        var ids = new List<string>();
        var first = true;
        while (first || token is not null)
        {
            first = false;
            var tokenParameter = token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}";
            var page = await SearchAsync(query + tokenParameter, cancellationToken);
            ids.AddRange(page.Hits.Select(hit => hit.PhotoId));
            token = page.ContinuationToken;
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _thumbnails.Dispose();
        _upload.Dispose();
        await _factory.DisposeAsync();
        await Environment.DisposeAsync();
    }
}
