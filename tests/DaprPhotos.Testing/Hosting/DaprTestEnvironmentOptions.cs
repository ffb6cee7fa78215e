namespace DaprPhotos.Testing.Hosting;

/// <summary>Settings shared by every sidecar of one test environment.</summary>
public sealed class DaprTestEnvironmentOptions
{
    /// <summary>
    /// The clock for retries, TTLs and redelivery. The default runs 100x fast, so a 5 s retry takes
    /// 50 ms while a 60 s processing timeout still leaves a slow machine 600 ms; pass a
    /// FakeTimeProvider to step time by hand.
    /// </summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Seeds fault probabilities and retry jitter, so a run can be repeated.</summary>
    public int Seed { get; init; } = 20261203;

    /// <summary>The <c>NAMESPACE</c> daprd would see (used by <c>keyPrefix: namespace</c>).</summary>
    public string? Namespace { get; init; }
}

/// <summary>Settings of one sidecar, like daprd's flags and environment.</summary>
public sealed class TestSidecarOptions
{
    public const int DefaultMaxBodySizeBytes = 4 * 1024 * 1024;

    /// <summary>
    /// <c>DAPR_API_TOKEN</c>: when set, every API call must carry it in <c>dapr-api-token</c>.
    /// </summary>
    public string? ApiToken { get; init; }

    /// <summary><c>APP_API_TOKEN</c>: sent to the app in <c>dapr-api-token</c> on every delivery.</summary>
    public string? AppApiToken { get; init; }

    /// <summary><c>--max-body-size</c>: the largest gRPC request (and response) daprd accepts.</summary>
    public int MaxBodySizeBytes { get; init; } = DefaultMaxBodySizeBytes;
}
