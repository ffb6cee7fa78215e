using System.Net;
using DaprPhotos.Contracts;
using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.Testing.Tests.Hosting;

/// <summary>The host helper wires a real service to its sidecar both ways, through settings alone.</summary>
public sealed class DaprAppFactoryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AServiceFindsItsSidecarThroughTheSettingsTheDaprCliGives()
    {
        await using var environment = DaprTestEnvironment.ForRepository();
        var sidecar = await environment.StartSidecarAsync(AppIds.Upload);
        await using var upload = new DaprAppFactory<Program>(sidecar);
        await upload.StartAsync(Cancellation);
        using var client = upload.CreateClient();

        using var healthy = await client.GetAsync("/health", Cancellation);
        HttpStatusCode whileSidecarIsDown;
        using (sidecar.BeUnavailable())
        {
            using var unhealthy = await client.GetAsync("/health", Cancellation);
            whileSidecarIsDown = unhealthy.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileSidecarIsDown);
    }
}
