using System.Net;
using System.Net.Http.Json;
using DaprPhotos.EndToEnd.Tests.Support;

namespace DaprPhotos.EndToEnd.Tests.Chaos;

/// <summary>What upload answered a chaos client, in the end, for one file.</summary>
internal sealed record UploadAnswer(ChaosUpload Upload, HttpStatusCode Status, string? PhotoId, int Attempts)
{
    public bool Accepted => Status is HttpStatusCode.Accepted or HttpStatusCode.OK;

    public bool RefusedAtTheDoor => (int)Status is >= 400 and < 500;

    public bool GaveUp => (int)Status >= 500;
}

/// <summary>
/// Clients uploading at once, each retrying an answer of 5xx (a fault upload could not hide) a
/// few times with the same bytes, as a browser's retry would: upload recognises bytes it already
/// holds, so a retry never makes a second photo.
/// </summary>
internal static class ChaosClient
{
    private const int ClientsAtOnce = 4;
    private const int MaxAttempts = 6;

    public static async Task<IReadOnlyList<UploadAnswer>> UploadAllAsync(
        Pipeline pipeline, IReadOnlyList<ChaosUpload> uploads, CancellationToken cancellationToken)
    {
        var answers = new UploadAnswer[uploads.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, uploads.Count),
            new ParallelOptions
            {
                MaxDegreeOfParallelism = ClientsAtOnce,
                CancellationToken = cancellationToken,
            },
            async (index, token) => answers[index] = await UploadAsync(pipeline, uploads[index], token));
        return answers;
    }

    private static async Task<UploadAnswer> UploadAsync(
        Pipeline pipeline, ChaosUpload upload, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await pipeline.PostPhotoAsync(
                upload.Bytes, upload.FileName, upload.Title, cancellationToken);
            if ((int)response.StatusCode >= 500 && attempt < MaxAttempts)
            {
                continue;
            }

            var photo = response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync<PhotoView>(cancellationToken)
                : null;
            return new UploadAnswer(upload, response.StatusCode, photo?.Id, attempt);
        }
    }
}
