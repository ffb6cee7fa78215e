extern alias indexing;

using DaprPhotos.Contracts;
using DaprPhotos.Testing.Diagnostics;
using DaprPhotos.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using IndexingProgram = indexing::Program;

namespace DaprPhotos.Bench.Indexing;

/// <summary>
/// The indexing service as deployed, hosted in this process: its own Program and DI (real
/// DaprClient), in Production with warnings-only logging, beside a test sidecar on the repository's
/// <c>components/</c> and the real clock. Requests reach it through its in-memory test server.
/// </summary>
internal sealed class IndexingHost : IAsyncDisposable
{
    private readonly DaprTestEnvironment _environment;
    private readonly ProductionAppFactory _factory;

    private IndexingHost(DaprTestEnvironment environment, ProductionAppFactory factory)
    {
        _environment = environment;
        _factory = factory;
        Client = factory.CreateClient();
    }

    public HttpClient Client { get; }

    public static async Task<IndexingHost> StartAsync(CancellationToken cancellationToken)
    {
        // The real clock: the test sidecar's default 100x clock would shorten every timeout and backoff.
        var environment = DaprTestEnvironment.ForRepository(
            new DaprTestEnvironmentOptions { Time = TimeProvider.System });
        var factory = new ProductionAppFactory(await environment.StartSidecarAsync(AppIds.Indexing));
        await factory.StartAsync(cancellationToken);
        return new IndexingHost(environment, factory);
    }

    public T Service<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>How many sidecar calls the indexing app has made so far.</summary>
    public int CallCount => _environment.Calls.Snapshot().Count;

    /// <summary>The indexing app's sidecar calls from position <paramref name="from"/> on.</summary>
    public IReadOnlyList<SidecarCall> CallsSince(int from) =>
        [.. _environment.Calls.Snapshot().Skip(from).Where(call => call.AppId == AppIds.Indexing)];

    /// <summary>
    /// The bytes of the stored values the calls' reads addressed (keys, not responses: cheap, and
    /// the values do not change while queries run).
    /// </summary>
    public long ValueBytesRead(IEnumerable<SidecarCall> calls)
    {
        var store = _environment.StateStore(ComponentNames.Index);
        return calls.Where(call => call.Method is "GetState" or "GetBulkState")
            .SelectMany(call => call.Target.Split(','))
            .Sum(key => (long)(store.Get($"{AppIds.Indexing}||{key}")?.Value.Length ?? 0));
    }

    public int StoredKeyCount => _environment.StateStore(ComponentNames.Index).Keys.Count;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _environment.DisposeAsync();
    }

    private sealed class ProductionAppFactory(TestSidecar sidecar) : DaprAppFactory<IndexingProgram>(sidecar)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");

            // The build copies the service's appsettings.json beside this program; the working
            // directory, where WebApplicationFactory would look, is the repository root.
            builder.UseContentRoot(AppContext.BaseDirectory);

            // An Information line per photo would time the console, not the index.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }
    }
}
