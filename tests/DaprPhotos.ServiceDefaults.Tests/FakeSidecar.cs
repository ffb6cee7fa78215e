using System.Net;

namespace DaprPhotos.ServiceDefaults.Tests;

/// <summary>
/// Stands in for daprd's HTTP API as the primary handler of the sidecar health check's client:
/// it answers every request with one status, or refuses the connection, and records what was asked.
/// </summary>
internal sealed class FakeSidecar : HttpMessageHandler
{
    private readonly HttpStatusCode? _answer;
    private readonly List<Uri> _requestedUris = [];

    private FakeSidecar(HttpStatusCode? answer) => _answer = answer;

    public IReadOnlyList<Uri> RequestedUris => _requestedUris;

    public static FakeSidecar Answering(HttpStatusCode status) => new(status);

    public static FakeSidecar Down() => new(answer: null);

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        lock (_requestedUris)
        {
            _requestedUris.Add(request.RequestUri!);
        }

        return _answer is { } status
            ? Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request })
            : throw new HttpRequestException("Connection refused (fake sidecar is down).");
    }
}
