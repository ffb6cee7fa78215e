using Dapr.Client;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
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
internal sealed partial class ThumbnailsApplication : IAsyncDisposable
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

    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        _upload.PublishEventAsync(
            ComponentNames.PubSub,
            TEvent.Topic,
            integrationEvent,
            new Dictionary<string, string> { ["cloudevent.type"] = TEvent.CloudEventType },
            cancellationToken);

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
