using System.Buffers;
using System.Security.Cryptography;
using DaprPhotos.Blobs;
using DaprPhotos.Imaging;
using DaprPhotos.Upload.Storage;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace DaprPhotos.Upload.Uploads;

/// <summary>
/// Streams one uploaded file into <c>blobs</c>, chunk by chunk, holding a single chunk in memory.
/// The first chunk decides: format from its bytes, size from its header (no pixel is decoded),
/// then every chunk is hashed as it is stored. A file that breaks a rule, ends early, or whose
/// upload fails half-way leaves no chunk behind.
/// </summary>
public sealed class OriginalIngest(
    ChunkedBlobStore blobs, InflightUploads inflight, IOptions<UploadOptions> options, Configuration images,
    TimeProvider time, ILogger<OriginalIngest> logger)
{
    public async Task<(StoredOriginal? Stored, UploadRejection? Rejection)> StoreAsync(
        string photoId, Stream file, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var blobKey = BlobKeys.Original(photoId);
        var buffer = ArrayPool<byte>.Shared.Rent(limits.ChunkSizeBytes);
        var written = 0;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var tail = new TailWindow(EndMarker.TailLength);
            byte[] head = [];
            (PhotoFormat Format, ImageSize Size)? image = null;
            long total = 0;

            for (int filled;
                (filled = await FillAsync(file, buffer, limits.ChunkSizeBytes, cancellationToken)) > 0;)
            {
                total += filled;
                if (total > limits.MaxUploadBytes)
                {
                    var tooLarge = UploadRejection.TooLarge(
                        $"The file is larger than the {limits.MaxUploadBytes:N0}-byte limit "
                        + "(MaxUploadBytes).");
                    return await RefuseAsync(photoId, written, tooLarge);
                }

                var chunk = buffer.AsMemory(0, filled);
                if (image is null)
                {
                    head = chunk[..Math.Min(filled, FormatSniffer.HeadLength)].ToArray();
                    var (inspected, rejection) = Inspect(chunk, limits);
                    if (rejection is not null)
                    {
                        return (null, rejection);
                    }

                    image = inspected;
                }

                if (written == 0)
                {
                    // Listed before the first byte is stored: if this process dies now, the janitor
                    // finds and removes what it leaves behind.
                    await inflight.RegisterAsync(photoId, time.GetUtcNow(), cancellationToken);
                }

                hash.AppendData(chunk.Span);
                tail.Append(chunk.Span);
                await blobs.WriteChunkAsync(blobKey, written, chunk, cancellationToken);
                written++;
            }

            if (image is not { } accepted)
            {
                return (null, UploadRejection.BadRequest("The file field is empty."));
            }

            if (!EndMarker.IsComplete(accepted.Format, head, tail.Bytes, total))
            {
                var truncated = UploadRejection.Broken(
                    $"The {accepted.Format.Name} file ends before its end marker after {total:N0} bytes: "
                    + "the transfer was cut short.");
                return await RefuseAsync(photoId, written, truncated);
            }

            var manifest = new BlobManifest(
                blobKey,
                accepted.Format.MediaType,
                total,
                Convert.ToHexStringLower(hash.GetHashAndReset()),
                written,
                limits.ChunkSizeBytes,
                time.GetUtcNow());
            await blobs.WriteManifestAsync(manifest, cancellationToken);
            return (new StoredOriginal(manifest, accepted.Format, accepted.Size), null);
        }
        catch when (written > 0)
        {
            await DeleteQuietlyAsync(photoId, blobKey, written);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Removes a stored original (an upload that lost to a duplicate, or failed after storing).
    /// </summary>
    public async Task DeleteAsync(StoredOriginal original, CancellationToken cancellationToken)
    {
        await blobs.DeleteAsync(original.Manifest.Key, original.Manifest.ChunkCount, cancellationToken);
        await inflight.RemoveAsync([PhotoIdOf(original)], cancellationToken);
    }

    private ((PhotoFormat, ImageSize)? Image, UploadRejection? Rejection) Inspect(
        ReadOnlyMemory<byte> firstChunk, UploadOptions limits)
    {
        var sniffed = FormatSniffer.Detect(firstChunk.Span);
        if (sniffed.Format is not { } format)
        {
            return (null, UploadRejection.UnsupportedFormat(
                $"The file is {sniffed.RefusedName}; supported formats are {PhotoFormat.SupportedNames}."));
        }

        if (ImageHeader.Read(images, firstChunk) is not { } size)
        {
            return (null, UploadRejection.Broken($"The {format.Name} header could not be read."));
        }

        return limits.ImageLimits.Violation(size) is { } violation
            ? (null, UploadRejection.TooLarge(violation))
            : ((format, size), null);
    }

    private async Task<(StoredOriginal?, UploadRejection?)> RefuseAsync(
        string photoId, int written, UploadRejection rejection)
    {
        await DeleteQuietlyAsync(photoId, BlobKeys.Original(photoId), written);
        return (null, rejection);
    }

    // The request may already be cancelled; the clean-up must still run.
    private async Task DeleteQuietlyAsync(string photoId, string blobKey, int written)
    {
        try
        {
            await blobs.DeleteAsync(blobKey, written, CancellationToken.None);

            // Cleaned up here, so the janitor has nothing left to find.
            await inflight.RemoveAsync([photoId], CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            UploadLog.CleanupFailed(logger, photoId, ex);
        }
    }

    private static string PhotoIdOf(StoredOriginal original) => original.Manifest.Key.Split('/')[^1];

    private static async Task<int> FillAsync(
        Stream source, byte[] buffer, int size, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < size)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled, size - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
