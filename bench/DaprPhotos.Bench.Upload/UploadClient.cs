using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace DaprPhotos.Bench.Upload;

/// <summary>Where an upload goes, and the status that proves the app did the whole job.</summary>
internal sealed record UploadTarget(ChildApp App, string Path, HttpStatusCode Expected)
{
    public string Name => App.Name;
}

/// <summary>Posts photos as a browser would: one multipart form with the image in <c>file</c>.</summary>
internal sealed class UploadClient : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public HttpClient Http => _client;

    /// <summary>Uploads <paramref name="photo"/>; returns the time from send to end of answer.</summary>
    public async Task<TimeSpan> UploadAsync(
        UploadTarget target, byte[] photo, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "bench.jpg");
        var address = new Uri(target.App.BaseAddress, target.Path);
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = form };

        var elapsed = Stopwatch.StartNew();
        using var response = await _client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        elapsed.Stop();

        // A refused or duplicate upload is fast for the wrong reason: no number is better than that one.
        if (response.StatusCode != target.Expected)
        {
            throw target.App.Failed($"answered {(int)response.StatusCode}, not {(int)target.Expected}, "
                + $"to a {photo.Length:N0}-byte upload: {body}");
        }

        return elapsed.Elapsed;
    }

    public void Dispose() => _client.Dispose();
}
