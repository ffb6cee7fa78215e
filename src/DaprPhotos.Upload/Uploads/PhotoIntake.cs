using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Metrics;
using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Storage;
using FluentValidation;

namespace DaprPhotos.Upload.Uploads;

/// <summary>
/// Turns one multipart form into a photo: stores the original, checks the fields, answers a
/// repeat of known bytes with the existing photo, and otherwise creates the record and its event.
/// Whatever fails after the original is stored removes it again.
/// </summary>
public sealed class PhotoIntake(
    OriginalIngest ingest, PhotoRepository photos, ClaimStore claims, IValidator<UploadFields> validator,
    TimeProvider time, PipelineMetrics metrics, ILogger<PhotoIntake> logger)
{
    public async Task<IResult> AcceptAsync(string boundary, Stream body, CancellationToken cancellationToken)
    {
        var photoId = Guid.CreateVersion7().ToString("N");
        StoredOriginal? stored = null;
        UploadRejection? rejection = null;

        var (parts, formError) = await ReadFormAsync(
            boundary, body, photoId, (s, r) => (stored, rejection) = (s, r), cancellationToken);
        if (rejection is not null)
        {
            UploadLog.Refused(logger, photoId, rejection.StatusCode, rejection.Detail);
            return rejection.ToResult();
        }

        try
        {
            if (formError is not null || parts is null || stored is null)
            {
                var detail = formError ?? "The form has no file: send the image in a field named 'file'.";
                UploadLog.Refused(logger, photoId, StatusCodes.Status400BadRequest, detail);
                await DiscardAsync(stored);
                return UploadRejection.BadRequest(detail).ToResult();
            }

            var fields = UploadFields.From(parts.Fields);
            var validation = await validator.ValidateAsync(fields, cancellationToken);
            if (!validation.IsValid)
            {
                await DiscardAsync(stored);
                return TypedResults.ValidationProblem(validation.ToDictionary());
            }

            var fileName = SafeFileName.From(parts.FileName, stored.Format);
            return await CreateOrFindDuplicateAsync(photoId, fileName, fields, stored, cancellationToken);
        }
        catch
        {
            await DiscardAsync(stored);
            throw;
        }
    }

    private async Task<(MultipartUpload.Parts?, string?)> ReadFormAsync(
        string boundary, Stream body, string photoId, Action<StoredOriginal?, UploadRejection?> onStored,
        CancellationToken cancellationToken)
    {
        try
        {
            return await MultipartUpload.ReadAsync(boundary, body, async (_, file) =>
            {
                var (stored, rejection) = await ingest.StoreAsync(photoId, file, cancellationToken);
                onStored(stored, rejection);
                return rejection is null;
            }, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"The multipart body is malformed: {ex.Message}");
        }
    }

    private async Task<IResult> CreateOrFindDuplicateAsync(
        string photoId,
        string fileName,
        UploadFields fields,
        StoredOriginal stored,
        CancellationToken cancellationToken)
    {
        var hashKey = HashClaim.StoreKey(stored.Manifest.Sha256);
        var owner = await claims.ClaimAsync(
            hashKey, new HashClaim(photoId), ttlSeconds: null, cancellationToken);
        if (owner is not null)
        {
            var (existing, _) = await photos.GetAsync(owner.PhotoId, cancellationToken);
            if (existing is { IsDeleted: false })
            {
                await DiscardAsync(stored);
                UploadLog.Duplicate(logger, photoId, existing.Id);
                return TypedResults.Ok(PhotoResponse.From(existing) with { Duplicate = true });
            }

            // REVIEW: the owner may still be mid-upload (its record not yet written); taking the claim over
            // then yields two photos for the same bytes. Rare, and never loses data.
            await claims.UpdateAsync(hashKey, new HashClaim(photoId), ttlSeconds: null, cancellationToken);
        }

        var record = NewRecord(photoId, fileName, fields, stored);
        var uploaded = new PhotoUploaded(
            Guid.NewGuid(), photoId, record.UploadedAt, record.OriginalKey, record.Format,
            record.Width, record.Height, record.SizeBytes, record.Sha256, record.FileName,
            record.Title, record.Description, record.Tags);
        try
        {
            await photos.CreateAsync(record, uploaded, cancellationToken);
        }
        catch
        {
            await claims.ReleaseAsync(hashKey, CancellationToken.None);
            throw;
        }

        UploadLog.Accepted(logger, photoId, record.Format, record.Width, record.Height, record.SizeBytes,
            stored.Manifest.ChunkCount, uploaded.EventId);
        metrics.Accepted();
        return TypedResults.Accepted(PhotoLinks.SelfOf(photoId), PhotoResponse.From(record));
    }

    private PhotoRecord NewRecord(
        string photoId, string fileName, UploadFields fields, StoredOriginal stored) => new()
    {
        Id = photoId,
        Status = PhotoStatus.Uploaded,
        FileName = fileName,
        Format = stored.Format.Name,
        MediaType = stored.Format.MediaType,
        SizeBytes = stored.Manifest.SizeBytes,
        Sha256 = stored.Manifest.Sha256,
        Width = stored.Size.Width,
        Height = stored.Size.Height,
        Title = fields.Title,
        Description = fields.Description,
        Tags = fields.Tags,
        OriginalKey = stored.Manifest.Key,
        UploadedAt = time.GetUtcNow(),
    };

    private async Task DiscardAsync(StoredOriginal? stored)
    {
        if (stored is not null)
        {
            await ingest.DeleteAsync(stored, CancellationToken.None);
        }
    }
}
