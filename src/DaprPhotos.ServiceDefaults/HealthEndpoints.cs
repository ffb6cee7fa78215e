using Microsoft.AspNetCore.Http;

namespace DaprPhotos.ServiceDefaults;

/// <summary>The probe paths and the tags that decide which checks each one runs.</summary>
public static class HealthEndpoints
{
    /// <summary>Readiness: every registered check, the Dapr sidecar included.</summary>
    public const string HealthPath = "/health";

    /// <summary>
    /// Liveness: only checks tagged <see cref="LiveTag"/>, so a sidecar that is down never restarts the app.
    /// </summary>
    public const string AlivePath = "/alive";

    public const string LiveTag = "live";

    public const string ReadyTag = "ready";

    internal static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}
