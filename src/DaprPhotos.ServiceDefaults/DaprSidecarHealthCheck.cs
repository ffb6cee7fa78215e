using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DaprPhotos.ServiceDefaults;

/// <summary>
/// Readiness of this app's sidecar: it has loaded its components and can carry the app's state
/// and pub/sub calls. It asks daprd's outbound health rather than <c>/v1.0/healthz</c>, which
/// waits for this app to be healthy while daprd's app health probe waits on this check: each
/// would wait on the other.
/// </summary>
public sealed class DaprSidecarHealthCheck(IHttpClientFactory httpClientFactory) : IHealthCheck
{
    /// <summary>The named client the probe goes through; a test sidecar replaces its handler.</summary>
    public const string HttpClientName = "dapr-sidecar";

    /// <summary>daprd's outbound readiness endpoint, relative to its HTTP API; it answers 204.</summary>
    public const string OutboundHealthPath = "v1.0/healthz/outbound";

    /// <summary>Short: a probe that hangs is as bad as one that fails, and the prober has its own.</summary>
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        var sidecar = client.BaseAddress
            ?? throw new InvalidOperationException($"The {HttpClientName} client has no base address.");
        var address = new Uri(sidecar, OutboundHealthPath);

        try
        {
            using var response = await client.GetAsync(address, cancellationToken);

            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            var answer = $"Dapr sidecar at {address} answered {status}.";
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy(answer)
                : new HealthCheckResult(context.Registration.FailureStatus, answer);
        }
        catch (HttpRequestException exception)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Dapr sidecar at {address} is unreachable: {exception.Message}",
                exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Dapr sidecar at {address} did not answer within {ProbeTimeout.TotalSeconds} s.",
                exception);
        }
    }
}
