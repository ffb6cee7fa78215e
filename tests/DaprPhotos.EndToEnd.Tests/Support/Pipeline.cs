extern alias indexing;
extern alias thumbnails;
extern alias upload;

using DaprPhotos.Contracts;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using IndexingProgram = indexing::Program;
using ThumbnailsProgram = thumbnails::Program;
using UploadProgram = upload::Program;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>
/// The whole pipeline in one process: upload, thumbnails and indexing, each the real service beside
/// its own test sidecar, all on the repository's <c>components/</c> and <c>resiliency.yaml</c>.
/// Clients reach upload's API and indexing's search; everything else goes through the sidecars.
/// </summary>
internal sealed partial class Pipeline : IAsyncDisposable
{
    // 10x, not the sidecar's default 100x: the 60 s delivery timeout must outlast a render on a
    // busy two-core machine, and 6 s of wall clock does.
    private const double ClockSpeedUp = 10;

    private readonly List<IAsyncDisposable> _hosts = [];
    private ServiceFactory<ThumbnailsProgram>? _thumbnails;

    private Pipeline(DaprTestEnvironment environment, PipelineOptions options)
    {
        Environment = environment;
        _options = options;
    }

    public DaprTestEnvironment Environment { get; }

    /// <summary>A client of upload's API (<c>/photos</c>).</summary>
    public HttpClient Upload { get; private set; } = null!;

    /// <summary>A client of indexing's API (<c>/search</c>).</summary>
    public HttpClient Indexing { get; private set; } = null!;

    public IServiceProvider UploadServices { get; private set; } = null!;

    public static async Task<Pipeline> StartAsync(
        PipelineOptions options, CancellationToken cancellationToken)
    {
        var environment = new DaprTestEnvironment(
            DaprResourceSet.FromRepository(),
            new DaprTestEnvironmentOptions
            {
                Time = new AcceleratedTimeProvider(ClockSpeedUp),
                Seed = options.Seed,
            });
        var pipeline = new Pipeline(environment, options);
        try
        {
            var upload = await pipeline.HostAsync<UploadProgram>(AppIds.Upload, options, cancellationToken);
            pipeline._thumbnails =
                await pipeline.HostAsync<ThumbnailsProgram>(AppIds.Thumbnails, options, cancellationToken);
            var indexing =
                await pipeline.HostAsync<IndexingProgram>(AppIds.Indexing, options, cancellationToken);
            (pipeline.Upload, pipeline.UploadServices) = (upload.CreateClient(), upload.Services);
            pipeline.Indexing = indexing.CreateClient();
            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Upload?.Dispose();
        Indexing?.Dispose();
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        await Environment.DisposeAsync();
    }

    private async Task<ServiceFactory<TEntryPoint>> HostAsync<TEntryPoint>(
        string appId, PipelineOptions options, CancellationToken cancellationToken,
        TestSidecar? sidecar = null, IReadOnlyDictionary<string, string?>? settings = null)
        where TEntryPoint : class
    {
        sidecar ??= await Environment.StartSidecarAsync(appId);
        var factory = new ServiceFactory<TEntryPoint>(sidecar, settings ?? Settings(appId))
        {
            TestServices = services => ReplaceServices(services, appId, options),
        };
        _hosts.Add(factory);
        await factory.StartAsync(cancellationToken);
        return factory;
    }

    private void ReplaceServices(IServiceCollection services, string appId, PipelineOptions options)
    {
        if (appId == AppIds.Upload)
        {
            // The abandoned-upload janitor runs on the sidecars' clock, so a run sees its sweeps.
            services.AddSingleton(Environment.Time);
        }

        if (options.Spans is { } spans)
        {
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));
            services.AddSingleton<IStartupFilter>(new AppIdSpanTag(appId));
        }
    }

    // Warnings only: a run of hundreds of photos would otherwise spend its time writing the console.
    private static Dictionary<string, string?> Settings(string appId)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        if (appId == AppIds.Upload)
        {
            // The shortest the options allow: an upload cut off mid-way is swept after 60 s (6 s here).
            settings["Upload:AbandonedUploadAfterSeconds"] = "60";
            settings["Upload:JanitorIntervalSeconds"] = "10";
            settings["Admin:ApiKey"] = AdminKey;
            settings["Jobs:PollIntervalSeconds"] = "0.05";
            settings["Jobs:PauseBetweenBatchesSeconds"] = "0";
        }

        return settings;
    }
}
