using DaprPhotos.Upload.Listing;
using DaprPhotos.Upload.Uploads;
using Microsoft.AspNetCore.Mvc;

namespace DaprPhotos.Upload.Photos;

/// <summary>The HTTP surface clients use; every error is an RFC 9457 problem.</summary>
public static class PhotosApi
{
    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder endpoints)
    {
        var photos = endpoints.MapGroup("/photos").WithTags("Photos");

        photos.MapPost("/", (
                HttpRequest request,
                [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                UploadPhotoHandler handler,
                CancellationToken cancellationToken) =>
                handler.HandleAsync(request, idempotencyKey, cancellationToken))
            .WithName("UploadPhoto")
            .WithSummary("Upload a photo (multipart/form-data: file, title, description, tags)")
            .DescribeUploadForm()
            .Produces<PhotoResponse>(StatusCodes.Status202Accepted)
            .Produces<PhotoResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();

        photos.MapGet("/", ListPhotosHandler.HandleAsync)
            .WithName("ListPhotos")
            .WithSummary("Photos, newest first; filter by status, page with the continuation token")
            .Produces<PhotoPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        photos.MapGet("/{id}", GetPhotoHandler.HandleAsync)
            .WithName("GetPhoto")
            .WithSummary("A photo's status, step times, last error, renditions and metadata")
            .Produces<PhotoResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        photos.MapGet("/{id}/original", DownloadHandlers.OriginalAsync)
            .WithName("GetOriginal")
            .WithSummary("The uploaded bytes")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/gif", "image/webp")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        photos.MapGet("/{id}/renditions/{name}", DownloadHandlers.RenditionAsync)
            .WithName("GetRendition")
            .WithSummary("A rendition's bytes; immutable, so cached for a year")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/gif", "image/webp")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        photos.MapDelete("/{id}", (
                string id, DeletePhotoHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, cancellationToken))
            .WithName("DeletePhoto")
            .WithSummary("Tombstone a photo and remove its bytes everywhere")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }
}
