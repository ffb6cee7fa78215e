using System.Diagnostics;
using DaprPhotos.Testing.Hosting;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>Reads the spans the services exported: who served what, and whom each called.</summary>
internal static class ServedSpans
{
    /// <summary>The path a server span served, or null for any other span.</summary>
    public static string? Path(Activity span) =>
        span.Kind == ActivityKind.Server ? span.GetTagItem("url.path") as string : null;

    /// <summary>The app id that served a server span (tagged by <see cref="AppIdSpanTag"/>).</summary>
    public static string? AppId(Activity span) => span.GetTagItem(AppIdSpanTag.Name) as string;

    /// <summary>
    /// For a call to a sidecar's gRPC API, the app whose sidecar it reached and the API method
    /// (<c>PublishEvent</c>, <c>ExecuteStateTransaction</c>…); null for any other span.
    /// </summary>
    public static (string AppId, string Method)? SidecarCall(Activity span, DaprTestEnvironment environment)
    {
        if (span.Kind != ActivityKind.Client || span.GetTagItem("url.full") is not string url)
        {
            return null;
        }

        var uri = new Uri(url);
        var sidecar = environment.Sidecars.FirstOrDefault(candidate =>
            new Uri(candidate.GrpcEndpoint).Port == uri.Port);
        return sidecar is null ? null : (sidecar.AppId, uri.Segments[^1]);
    }

    public static string Describe(Activity span) =>
        $"{span.Kind} {AppId(span) ?? "-"} {span.DisplayName} {span.GetTagItem("url.full") ?? Path(span)} "
        + $"trace {span.TraceId}";
}
