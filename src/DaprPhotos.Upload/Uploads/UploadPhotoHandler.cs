using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Upload.Uploads;

/// <summary>
/// <c>POST /photos</c>: streams the form, stores the original, and creates the photo with its
/// <c>photo-uploaded</c> event in one transaction. An <c>Idempotency-Key</c> replays the first answer.
/// </summary>
public sealed class UploadPhotoHandler(
    PhotoIntake intake, ClaimStore claims, PhotoRepository photos, IOptions<UploadOptions> options)
{
    // Room for the multipart framing and text fields around the file itself.
    private const long FormOverheadBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(
        HttpRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!MultipartUpload.TryGetBoundary(request.ContentType, out var boundary))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Expected a multipart form",
                detail: "Send the photo as multipart/form-data with the image in a field named 'file'.");
        }

        if (request.ContentLength > limits.MaxUploadBytes + FormOverheadBytes)
        {
            return UploadRejection.TooLarge(
                    $"The request declares {request.ContentLength:N0} bytes; "
                    + $"the file limit is {limits.MaxUploadBytes:N0} bytes (MaxUploadBytes).")
                .ToResult();
        }

        var bodySizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySizeFeature is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxUploadBytes + FormOverheadBytes;
        }

        if (idempotencyKey is null)
        {
            return await intake.AcceptAsync(boundary, request.Body, cancellationToken);
        }

        return await WithIdempotencyAsync(
            idempotencyKey,
            limits,
            () => intake.AcceptAsync(boundary, request.Body, cancellationToken),
            cancellationToken);
    }

    private async Task<IResult> WithIdempotencyAsync(
        string idempotencyKey,
        UploadOptions limits,
        Func<Task<IResult>> accept,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey.Length is 0 or > IdempotencyEntry.MaxKeyLength)
        {
            return UploadRejection.BadRequest(
                    $"The Idempotency-Key header must be 1 to {IdempotencyEntry.MaxKeyLength} characters.")
                .ToResult();
        }

        var key = IdempotencyEntry.StoreKey(idempotencyKey);
        var earlier = await claims.ClaimAsync(
            key, IdempotencyEntry.InProgress, limits.IdempotencyKeyTtlSeconds, cancellationToken);
        if (earlier is not null)
        {
            return await ReplayAsync(earlier, cancellationToken);
        }

        try
        {
            var result = await accept();
            if (result is IStatusCodeHttpResult { StatusCode: 200 or 202 } success
                && result is IValueHttpResult { Value: PhotoResponse photo })
            {
                await claims.UpdateAsync(key, new IdempotencyEntry(true, photo.Id, success.StatusCode ?? 202),
                    limits.IdempotencyKeyTtlSeconds, cancellationToken);
            }
            else
            {
                await claims.ReleaseAsync(key, cancellationToken);
            }

            return result;
        }
        catch
        {
            await claims.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
    }

    private async Task<IResult> ReplayAsync(IdempotencyEntry earlier, CancellationToken cancellationToken)
    {
        if (!earlier.Completed || earlier.PhotoId is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Upload in progress",
                detail: "A request with this Idempotency-Key is still running; retry when it has finished.");
        }

        var (record, _) = await photos.GetAsync(earlier.PhotoId, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Upload not found",
                detail: "This Idempotency-Key answered before, but its photo no longer exists.");
        }

        var response = PhotoResponse.From(record) with
        {
            Duplicate = earlier.StatusCode == StatusCodes.Status200OK,
        };
        return earlier.StatusCode == StatusCodes.Status200OK
            ? TypedResults.Ok(response)
            : TypedResults.Accepted(PhotoLinks.SelfOf(record.Id), response);
    }
}
