using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Upload.Photos;

using Microsoft.Extensions.DependencyInjection;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>
/// The upload service on the repository's own components, beside a sidecar for each of the other
/// apps so a test can play the rest of the pipeline with the real DaprClient.
/// </summary>
internal sealed partial class UploadApplication : IAsyncDisposable
{
    private readonly Action<IServiceCollection>? _services;
    private DaprAppFactory<Program> _factory;
    private readonly DaprClient _thumbnails;
    private readonly DaprClient _indexing;

    private UploadApplication(
        DaprTestEnvironment environment, DaprAppFactory<Program> factory,
        DaprClient thumbnails, DaprClient indexing, Action<IServiceCollection>? services)
    {
        Environment = environment;
        _factory = factory;
        _services = services;
        _thumbnails = thumbnails;
        _indexing = indexing;
        Client = factory.CreateClient();
        ThumbnailsBlobs = new ChunkedBlobStore(thumbnails);
    }

    public DaprTestEnvironment Environment { get; }

    public TestSidecar Sidecar => _factory.Sidecar;

    public HttpClient Client { get; private set; }

    /// <summary>The <c>blobs</c> store as the thumbnails service sees it, to write renditions.</summary>
    public ChunkedBlobStore ThumbnailsBlobs { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<UploadApplication> StartAsync(
        CancellationToken cancellationToken, TestSidecarOptions? sidecarOptions = null,
        DaprTestEnvironmentOptions? options = null, Action<IServiceCollection>? services = null)
    {
        var environment = DaprTestEnvironment.ForRepository(options);
        var sidecar = await environment.StartSidecarAsync(AppIds.Upload, sidecarOptions);
        var factory = new DaprAppFactory<Program>(sidecar) { TestServices = services };
        await factory.StartAsync(cancellationToken);
        var thumbnails = (await environment.StartSidecarAsync(AppIds.Thumbnails)).CreateDaprClient();
        var indexing = (await environment.StartSidecarAsync(AppIds.Indexing)).CreateDaprClient();
        return new UploadApplication(environment, factory, thumbnails, indexing, services);
    }

    /// <summary>
    /// Stops the upload process and starts a new one beside the same sidecar, as after a crash:
    /// the stores, the brokers and the workflow engine keep what they had.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await Environment.WhenIdleAsync();
        Client.Dispose();
        await _factory.DisposeAsync();
        Sidecar.DisconnectApp();

        _factory = new DaprAppFactory<Program>(Sidecar) { TestServices = _services };
        await _factory.StartAsync(cancellationToken);
        Client = _factory.CreateClient();
    }

    /// <summary>Posts a multipart upload the way a browser or curl would.</summary>
    public Task<HttpResponseMessage> UploadAsync(
        byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg",
        IEnumerable<KeyValuePair<string, string>>? fields = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return PostFormAsync(file, fileName, fields, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Posts <paramref name="file"/> as the form's file field (a stream content sends it chunked);
    /// with no <paramref name="fileName"/> the caller has set the part's Content-Disposition itself.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        HttpContent file, string? fileName, IEnumerable<KeyValuePair<string, string>>? fields = null,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        if (fileName is null)
        {
            form.Add(file);
        }
        else
        {
            form.Add(file, "file", fileName);
        }

        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/photos") { Content = form };
        request.Headers.TransferEncodingChunked = form.Headers.ContentLength is null;
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Client.SendAsync(request, cancellationToken);
    }

    /// <summary>Uploads a photo that must be accepted and returns it.</summary>
    public Task<PhotoResponse> UploadPhotoAsync(byte[] bytes, CancellationToken cancellationToken) =>
        UploadPhotoAsync(bytes, "photo.jpg", cancellationToken);

    public async Task<PhotoResponse> UploadPhotoAsync(
        byte[] bytes, string fileName, CancellationToken cancellationToken)
    {
        using var response = await UploadAsync(bytes, fileName, cancellationToken: cancellationToken);
        response.EnsureSuccessStatusCode();
        return await ReadPhotoAsync(response, cancellationToken);
    }

    public async Task<PhotoResponse> GetPhotoAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync($"/photos/{id}", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await ReadPhotoAsync(response, cancellationToken);
    }

    public static async Task<PhotoResponse> ReadPhotoAsync(
        HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<PhotoResponse>(cancellationToken)
        ?? throw new InvalidOperationException("The response has no photo.");

    /// <summary>The keys in a shared store, without daprd's prefix (e.g. <c>upload||</c>).</summary>
    public IReadOnlyList<string> StoredKeys(string store) =>
        [.. Environment.StateStore(store).Keys.Select(WithoutPrefix)];

    private static string WithoutPrefix(string key) =>
        key.IndexOf("||", StringComparison.Ordinal) is var at and >= 0 ? key[(at + 2)..] : key;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _thumbnails.Dispose();
        _indexing.Dispose();
        await _factory.DisposeAsync();
        await Environment.DisposeAsync();
    }
}
