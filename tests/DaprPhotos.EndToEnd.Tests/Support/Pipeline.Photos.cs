using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DaprPhotos.EndToEnd.Tests.Support;

// What a client does with upload's API: post a form, read a photo, download, delete.
internal sealed partial class Pipeline
{
    /// <summary>Posts a multipart upload the way a browser or curl would.</summary>
    /// <param name="traceParent">A W3C <c>traceparent</c> header, as an instrumented client sends.</param>
    public async Task<HttpResponseMessage> PostPhotoAsync(
        byte[] bytes, string fileName, string? title, CancellationToken cancellationToken,
        string? traceParent = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/photos") { Content = form };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        return await Upload.SendAsync(request, cancellationToken);
    }

    /// <summary>Uploads a photo that must be accepted, and returns it as the answer shows it.</summary>
    public async Task<PhotoView> UploadPhotoAsync(
        byte[] bytes, string fileName, string title, CancellationToken cancellationToken,
        string? traceParent = null)
    {
        using var response = await PostPhotoAsync(bytes, fileName, title, cancellationToken, traceParent);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PhotoView>(cancellationToken))!;
    }

    /// <summary>The photo, or null when the API answers 404.</summary>
    public async Task<PhotoView?> GetPhotoAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await Upload.GetAsync($"/photos/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PhotoView>(cancellationToken);
    }

    /// <summary>Watches the photo through the API until its status is <paramref name="status"/>.</summary>
    public Task<PhotoView?> WaitForStatusAsync(
        string id, string status, CancellationToken cancellationToken) =>
        SettleUntilAsync(
            () => GetPhotoAsync(id, cancellationToken),
            photo => photo?.Status == status,
            $"photo {id} to be {status}",
            Patience,
            cancellationToken);

    public Task<HttpResponseMessage> DownloadAsync(string href, CancellationToken cancellationToken) =>
        Upload.GetAsync(href, cancellationToken);

    public Task<HttpResponseMessage> DeletePhotoAsync(string id, CancellationToken cancellationToken) =>
        Upload.DeleteAsync($"/photos/{id}", cancellationToken);
}
