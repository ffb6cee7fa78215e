using System.Security.Cryptography;
using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Imaging;
using DaprPhotos.Testing.Faults;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>
/// The thumbnail service on the repository's own components, with a sidecar playing upload: it
/// stores originals straight into <c>blobs</c> (bypassing upload's checks) and publishes
/// <c>photo-uploaded</c>, <c>photo-deleted</c> and <c>photo-reprocess-requested</c> as upload would.
/// </summary>
internal sealed class ThumbnailsApplication : IAsyncDisposable
{
    // 10x, not the default 100x: the 60 s delivery timeout must outlast a render on a busy machine.
    private const double ClockSpeedUp = 10;

    private readonly DaprClient _upload;
    private ThumbnailsFactory _factory;

    private ThumbnailsApplication(
        DaprTestEnvironment environment, ThumbnailsFactory factory, DaprClient upload, CapturedLogs logs)
    {
        Environment = environment;
        _factory = factory;
        _upload = upload;
        Logs = logs;
        Blobs = new ChunkedBlobStore(upload);
    }

    public DaprTestEnvironment Environment { get; }

    /// <summary>What the thumbnail service logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The blobs store as upload's sidecar sees it (the keys are shared).</summary>
    public ChunkedBlobStore Blobs { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The options the service runs with: its renditions and their set fingerprint.</summary>
    public ThumbnailOptions Options => Services.GetRequiredService<IOptions<ThumbnailOptions>>().Value;

    /// <param name="settings">Configuration over the defaults, e.g. <c>Thumbnails:MaxPixels</c>.</param>
    /// <param name="faults">Faults to inject before the service starts, for what it does at start.</param>
    public static async Task<ThumbnailsApplication> StartAsync(
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<SidecarFaults>? faults = null)
    {
        var environment = new DaprTestEnvironment(
            DaprResourceSet.FromRepository(),
            new DaprTestEnvironmentOptions { Time = new AcceleratedTimeProvider(ClockSpeedUp) });
        faults?.Invoke(environment.Faults);
        var logs = new CapturedLogs();
        var factory = await StartServiceAsync(environment, settings, logs, cancellationToken);
        var upload = (await environment.StartSidecarAsync(AppIds.Upload)).CreateDaprClient();
        return new ThumbnailsApplication(environment, factory, upload, logs);
    }

    /// <summary>
    /// Stops the service and its sidecar, then starts both again with <paramref name="settings"/> on
    /// the same stores and broker: a deploy that changes, say, <c>Thumbnails:Renditions</c>.
    /// </summary>
    public async Task RestartAsync(
        IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        await _factory.DisposeAsync();
        await _factory.Sidecar.DisposeAsync();
        _factory = await StartServiceAsync(Environment, settings, Logs, cancellationToken);
    }

    public HttpClient CreateClient() => _factory.CreateClient();

    /// <summary>Stores <paramref name="bytes"/> as a photo's original and announces it.</summary>
    public async Task<PhotoUploaded> UploadAsync(
        byte[] bytes, CancellationToken cancellationToken, string? photoId = null)
    {
        var uploaded = await StoreOriginalAsync(bytes, cancellationToken, photoId);
        await PublishAsync(uploaded, cancellationToken);
        return uploaded;
    }

    /// <summary>Stores an original in chunks, as upload does, and returns the event that names it.</summary>
    public async Task<PhotoUploaded> StoreOriginalAsync(
        byte[] bytes, CancellationToken cancellationToken, string? photoId = null)
    {
        photoId ??= Guid.CreateVersion7().ToString("N");
        var key = BlobKeys.Original(photoId);
        const int chunkSize = 1024 * 1024;
        var chunks = 0;
        for (var offset = 0; offset < bytes.Length || chunks == 0; offset += chunkSize)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset));
            await Blobs.WriteChunkAsync(key, chunks++, chunk, cancellationToken);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var format = FormatSniffer.Detect(bytes).Format?.Name ?? "unknown";
        var manifest = new BlobManifest(
            key, "image/jpeg", bytes.Length, sha256, chunks, chunkSize, DateTimeOffset.UtcNow);
        await Blobs.WriteManifestAsync(manifest, cancellationToken);
        return new PhotoUploaded(Guid.NewGuid(), photoId, DateTimeOffset.UtcNow, key, format, 0, 0,
            bytes.Length, sha256, "photo.jpg", null, null, []);
    }

    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        _upload.PublishEventAsync(
            ComponentNames.PubSub,
            TEvent.Topic,
            integrationEvent,
            new Dictionary<string, string> { ["cloudevent.type"] = TEvent.CloudEventType },
            cancellationToken);

    /// <summary>
    /// Every key stored in <c>blobs</c> under the photo's renditions: manifests, chunks, set records
    /// and the record of its sets, as the store holds them (with their prefix).
    /// </summary>
    public IReadOnlyList<string> RenditionKeys(string photoId) =>
        [.. Environment.StateStore(ComponentNames.Blobs).Keys
            .Where(key => key.Contains($"rendition/{photoId}/", StringComparison.Ordinal))];

    /// <summary>Announces that the photo was deleted, as upload does once it is tombstoned.</summary>
    public Task DeleteAsync(string photoId, CancellationToken cancellationToken) =>
        PublishAsync(new PhotoDeleted(Guid.NewGuid(), photoId, DateTimeOffset.UtcNow), cancellationToken);

    /// <summary>Asks for an uploaded photo to be rendered again, as upload's reprocess run does.</summary>
    public async Task<PhotoReprocessRequested> RequestReprocessAsync(
        PhotoUploaded uploaded, CancellationToken cancellationToken)
    {
        var requested = new PhotoReprocessRequested(Guid.NewGuid(), uploaded.PhotoId, DateTimeOffset.UtcNow,
            uploaded.OriginalKey, UploadFacts.From(uploaded), "the rendition set is outdated",
            $"reprocess-{Guid.NewGuid():N}");
        await PublishAsync(requested, cancellationToken);
        return requested;
    }

    /// <summary>Writes a record into <c>blobs</c> as another version of a service left it.</summary>
    public Task WriteRecordAsync<T>(string key, T value, CancellationToken cancellationToken) =>
        _upload.SaveStateAsync(ComponentNames.Blobs, key, value, cancellationToken: cancellationToken);

    /// <summary>Deletes a record from <c>blobs</c>, as if an older version had never written it.</summary>
    public Task DeleteRecordAsync(string key, CancellationToken cancellationToken) =>
        _upload.DeleteStateAsync(ComponentNames.Blobs, key, cancellationToken: cancellationToken);

    /// <summary>Reads a record from <c>blobs</c>, as upload's sidecar sees it.</summary>
    public Task<T?> ReadRecordAsync<T>(string key, CancellationToken cancellationToken) =>
        _upload.GetStateAsync<T?>(ComponentNames.Blobs, key, cancellationToken: cancellationToken);

    /// <summary>Reads a stored blob back as bytes.</summary>
    public async Task<byte[]> ReadBlobAsync(string key, CancellationToken cancellationToken)
    {
        var manifest = await Blobs.GetManifestAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"No blob {key}");
        await using var stream = Blobs.OpenRead(manifest);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _upload.Dispose();
        await _factory.DisposeAsync();
        await Environment.DisposeAsync();
    }

    private static async Task<ThumbnailsFactory> StartServiceAsync(
        DaprTestEnvironment environment,
        IReadOnlyDictionary<string, string?>? settings,
        CapturedLogs logs,
        CancellationToken cancellationToken)
    {
        var sidecar = await environment.StartSidecarAsync(AppIds.Thumbnails);
        var factory = new ThumbnailsFactory(sidecar, settings ?? new Dictionary<string, string?>(), logs);
        await factory.StartAsync(cancellationToken);
        return factory;
    }
}
