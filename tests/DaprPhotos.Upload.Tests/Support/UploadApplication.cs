using System.Net.Http.Headers;
using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>
/// The upload service on the repository's own components, beside a sidecar for each of the other
/// apps so a test can play the rest of the pipeline with the real DaprClient.
/// </summary>
internal sealed class UploadApplication : IAsyncDisposable
{
    private readonly DaprAppFactory<Program> _factory;
    private readonly DaprClient _thumbnails;
    private readonly DaprClient _indexing;

    private UploadApplication(
        DaprTestEnvironment environment, DaprAppFactory<Program> factory, DaprClient thumbnails, DaprClient indexing)
    {
        Environment = environment;
        _factory = factory;
        _thumbnails = thumbnails;
        _indexing = indexing;
        Client = factory.CreateClient();
    }

    public DaprTestEnvironment Environment { get; }

    public TestSidecar Sidecar => _factory.Sidecar;

    public HttpClient Client { get; }

    public static async Task<UploadApplication> StartAsync(
        CancellationToken cancellationToken, TestSidecarOptions? sidecarOptions = null, DaprTestEnvironmentOptions? options = null)
    {
        var environment = new DaprTestEnvironment(Testing.Resources.DaprResourceSet.FromRepository(), options);
        var sidecar = await environment.StartSidecarAsync(AppIds.Upload, sidecarOptions);
        var factory = new DaprAppFactory<Program>(sidecar);
        await factory.StartAsync(cancellationToken);
        var thumbnails = (await environment.StartSidecarAsync(AppIds.Thumbnails)).CreateDaprClient();
        var indexing = (await environment.StartSidecarAsync(AppIds.Indexing)).CreateDaprClient();
        return new UploadApplication(environment, factory, thumbnails, indexing);
    }

    /// <summary>Posts a multipart upload the way a browser or curl would.</summary>
    public async Task<HttpResponseMessage> UploadAsync(
        byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg",
        IEnumerable<KeyValuePair<string, string>>? fields = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/photos") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Client.SendAsync(request, cancellationToken);
    }

    /// <summary>Publishes as the thumbnails service would.</summary>
    public Task PublishAsThumbnailsAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        _thumbnails.PublishEventAsync(ComponentNames.PubSub, TEvent.Topic, integrationEvent,
            new Dictionary<string, string> { ["cloudevent.type"] = TEvent.CloudEventType }, cancellationToken);

    /// <summary>Publishes as the indexing service would.</summary>
    public Task PublishAsIndexingAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        _indexing.PublishEventAsync(ComponentNames.PubSub, TEvent.Topic, integrationEvent,
            new Dictionary<string, string> { ["cloudevent.type"] = TEvent.CloudEventType }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _thumbnails.Dispose();
        _indexing.Dispose();
        await _factory.DisposeAsync();
        await Environment.DisposeAsync();
    }
}
