namespace DaprPhotos.Bench.Upload;

/// <summary>
/// Sends the test sidecar's calls to its app (subscriptions, deliveries) to the child process: the
/// sidecar addresses its app as <c>http://localhost</c>, as daprd does, and the app listens elsewhere.
/// </summary>
internal sealed class LoopbackAppHandler(Uri appBaseAddress)
    : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new Uri(appBaseAddress, uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
