using DaprPhotos.Blobs;
using DaprPhotos.Upload.Storage;
using Microsoft.Net.Http.Headers;

namespace DaprPhotos.Upload.Photos;

/// <summary>
/// Streams an original or a rendition from <c>blobs</c>, one chunk at a time, with a strong ETag
/// (the content hash: blobs are immutable), so <c>If-None-Match</c> answers 304 without reading bytes.
/// </summary>
public static class DownloadHandlers
{
    public static async Task<IResult> OriginalAsync(
        string id, PhotoRepository photos, ChunkedBlobStore blobs, CancellationToken cancellationToken)
    {
        var (record, _) = await photos.GetAsync(id, cancellationToken);
        if (record is null || record.IsDeleted)
        {
            return PhotoProblems.NotFound(id);
        }

        return await StreamAsync(
                blobs, record.OriginalKey, record.FileName, immutable: false, cancellationToken)
            ?? PhotoProblems.NotFound(id);
    }

    public static async Task<IResult> RenditionAsync(
        string id,
        string name,
        PhotoRepository photos,
        ChunkedBlobStore blobs,
        CancellationToken cancellationToken)
    {
        var (record, _) = await photos.GetAsync(id, cancellationToken);
        var rendition = record is { IsDeleted: false }
            ? record.Renditions.FirstOrDefault(r => r.Name == name)
            : null;
        if (record is null || rendition is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rendition",
                detail: $"Photo '{id}' has no rendition named '{name}' (yet).");
        }

        var baseName = Path.GetFileNameWithoutExtension(record.FileName);
        var fileName = $"{baseName}-{name}.{rendition.Format.ToLowerInvariant()}";
        return await StreamAsync(blobs, rendition.Key, fileName, immutable: true, cancellationToken)
            ?? PhotoProblems.NotFound(id);
    }

    private static async Task<IResult?> StreamAsync(
        ChunkedBlobStore blobs,
        string blobKey,
        string fileName,
        bool immutable,
        CancellationToken cancellationToken)
    {
        var manifest = await blobs.GetManifestAsync(blobKey, cancellationToken);
        if (manifest is null)
        {
            return null;
        }

        return new BlobStreamResult(blobs, manifest, fileName, immutable);
    }

    /// <summary>Sets the caching headers, then lets the stream result handle conditional requests.</summary>
    private sealed class BlobStreamResult(
        ChunkedBlobStore blobs, BlobManifest manifest, string fileName, bool immutable) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.GetTypedHeaders();
            headers.CacheControl = new CacheControlHeaderValue
            {
                Public = true,
                MaxAge = immutable ? TimeSpan.FromDays(365) : TimeSpan.FromHours(1),
                Extensions = { new NameValueHeaderValue(immutable ? "immutable" : "must-revalidate") },
            };
            httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline")
            {
                FileNameStar = fileName,
            }.ToString();

            var result = TypedResults.Stream(
                blobs.OpenRead(manifest),
                manifest.MediaType,
                entityTag: new EntityTagHeaderValue($"\"{manifest.Sha256}\""));
            return result.ExecuteAsync(httpContext);
        }
    }
}
