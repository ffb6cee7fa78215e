using DaprPhotos.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>One service beside its test sidecar, with configuration over its appsettings.json.</summary>
internal sealed class ServiceFactory<TEntryPoint>(
    TestSidecar sidecar, IReadOnlyDictionary<string, string?> settings)
    : DaprAppFactory<TEntryPoint>(sidecar)
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
