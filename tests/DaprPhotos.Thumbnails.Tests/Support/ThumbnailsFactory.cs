using DaprPhotos.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>The thumbnail service beside its sidecar, with extra settings and its log lines kept.</summary>
internal sealed class ThumbnailsFactory(
    TestSidecar sidecar, IReadOnlyDictionary<string, string?> settings, CapturedLogs logs)
    : DaprAppFactory<Program>(sidecar)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }
}
