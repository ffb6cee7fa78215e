using Microsoft.Extensions.Configuration;

namespace DaprPhotos.ServiceDefaults;

/// <summary>
/// Where this app's sidecar serves its HTTP API, found the way the Dapr SDK finds it, so the health
/// check probes the same daprd the DaprClient talks to.
/// </summary>
internal static class DaprSidecarHttpEndpoint
{
    private const string EndpointKey = "DAPR_HTTP_ENDPOINT";
    private const string PortKey = "DAPR_HTTP_PORT";
    private const string DefaultPort = "3500";

    public static Uri Resolve(IConfiguration configuration)
    {
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            var port = configuration[PortKey];
            endpoint = $"http://localhost:{(string.IsNullOrWhiteSpace(port) ? DefaultPort : port)}";
        }

        // A trailing slash keeps any path in the endpoint when relative API paths are resolved against it.
        return new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/");
    }
}
