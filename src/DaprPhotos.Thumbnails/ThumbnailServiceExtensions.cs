using DaprPhotos.Blobs;
using DaprPhotos.Imaging;
using DaprPhotos.Thumbnails;
using DaprPhotos.Thumbnails.Announcing;
using DaprPhotos.Thumbnails.Handlers;
using DaprPhotos.Thumbnails.Rendering;
using DaprPhotos.Thumbnails.Storage;
using DaprPhotos.Thumbnails.Warmup;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class ThumbnailServiceExtensions
{
    public static IHostApplicationBuilder AddThumbnailServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ThumbnailOptions>()
            .BindConfiguration(ThumbnailOptions.SectionName)
            .PostConfigure<IConfiguration>(UseConfiguredRenditionsOnly)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ThumbnailOptions>>().Value;
            return SafeImageConfiguration.Create(options.AllocationLimitMegabytes);
        });
        builder.Services.AddSingleton<ChunkedBlobStore>();
        builder.Services.AddSingleton<RenditionStore>();
        builder.Services.AddSingleton<SetHistory>();
        builder.Services.AddSingleton<RenditionCleanup>();
        builder.Services.AddSingleton<Originals>();
        builder.Services.AddSingleton<PhotoRenderer>();
        builder.Services.AddSingleton<RenderGate>();
        builder.Services.AddSingleton<PhotoLocks>();
        builder.Services.AddSingleton<ThumbnailEvents>();
        builder.Services.AddSingleton<ColdStart>();
        builder.Services.AddSingleton<PhotoRendering>();
        builder.Services.AddSingleton<PhotoUploadedHandler>();
        builder.Services.AddSingleton<PhotoReprocessRequestedHandler>();
        builder.Services.AddSingleton<PhotoDeletedHandler>();
        builder.Services.AddHostedService<CodecWarmup>();
        builder.Services.AddHostedService<RenditionSetAnnouncer>();

        return builder;
    }

    // The binder appends configured renditions to the default ones (and a redefined "thumb" then
    // fails validation as defined twice); configured renditions replace the defaults instead.
    private static void UseConfiguredRenditionsOnly(ThumbnailOptions options, IConfiguration configuration)
    {
        var configured = configuration.GetSection(ThumbnailOptions.SectionName)
            .GetSection(nameof(ThumbnailOptions.Renditions));
        if (configured.Exists())
        {
            options.Renditions = configured.Get<List<RenditionSpec>>() ?? [];
        }
    }
}
