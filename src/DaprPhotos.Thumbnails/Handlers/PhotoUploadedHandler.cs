using Dapr;
using DaprPhotos.Blobs;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Imaging;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.ServiceDefaults.Metrics;
using DaprPhotos.Thumbnails.Rendering;
using DaprPhotos.Thumbnails.Storage;
using DaprPhotos.Thumbnails.Warmup;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>
/// Renders a new photo. Retries (RETRY) on a transient fault of the sidecar; for a photo that can
/// never be rendered it publishes <c>photo-failed</c> with the stage and reason, then DROPs, so
/// the message goes to the dead-letter topic without a retry storm. A redelivery republishes the
/// stored result instead of rendering again (one that arrives mid-render waits for the photo's
/// lock first); a deleted photo is dropped.
/// </summary>
public sealed class PhotoUploadedHandler(
    ChunkedBlobStore blobs,
    RenditionStore store,
    PhotoRenderer renderer,
    RenderGate gate,
    Configuration images,
    PhotoLocks locks,
    ThumbnailEvents events,
    ColdStart coldStart,
    PipelineMetrics metrics,
    IOptions<ThumbnailOptions> options,
    ILogger<PhotoUploadedHandler> logger)
    : IIntegrationEventHandler<PhotoUploaded>
{
    public async Task<EventOutcome> HandleAsync(
        PhotoUploaded uploaded, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        using var photo = await locks.EnterAsync(uploaded.PhotoId, cancellationToken);
        try
        {
            if (await store.IsDeletedAsync(uploaded.PhotoId, cancellationToken))
            {
                // Nothing to do and nothing failed: acknowledged, so no dead letter claims otherwise.
                ThumbnailsLog.SkippedDeleted(logger, uploaded.PhotoId, uploaded.EventId);
                return EventOutcome.Success;
            }

            if (await store.FindSetAsync(uploaded.PhotoId, cancellationToken) is { } done)
            {
                ThumbnailsLog.Republished(logger, uploaded.PhotoId, done.EventId);
                await events.PublishAsync(done, cancellationToken);
                return EventOutcome.Success;
            }

            return await RenderAsync(uploaded, cancellationToken);
        }
        catch (UnrenderablePhotoException ex)
        {
            ThumbnailsLog.Unrenderable(logger, uploaded.PhotoId, uploaded.EventId, ex.Stage, ex.Message);
            await events.PublishFailedAsync(uploaded.PhotoId, ex.Stage, ex.Message, cancellationToken);
            metrics.Failed(AppIds.Thumbnails, ex.Stage);
            return EventOutcome.Drop;
        }
        catch (DaprException ex)
        {
            ThumbnailsLog.Transient(logger, uploaded.PhotoId, uploaded.EventId, ex);
            return EventOutcome.Retry;
        }
    }

    private async Task<EventOutcome> RenderAsync(PhotoUploaded uploaded, CancellationToken cancellationToken)
    {
        var manifest = await blobs.GetManifestAsync(uploaded.OriginalKey, cancellationToken)
            ?? throw new UnrenderablePhotoException(
                "read", "The original is not in blobs (the photo was deleted?).");
        var firstChunk = await blobs.ReadChunkAsync(manifest.Key, 0, cancellationToken);
        var (format, size) = Inspect(firstChunk);

        using (await gate.EnterAsync(RenderGate.EstimateBytes(size.Width, size.Height), cancellationToken))
        {
            var started = TimeProvider.System.GetTimestamp();
            RenderedPhoto rendered;
            try
            {
                var original = blobs.OpenRead(manifest, firstChunk);
                rendered = await renderer.RenderAsync(original, format, cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                throw new UnrenderablePhotoException("read", ex.Message, ex);
            }

            var thumbnailed = await store.SaveAsync(
                uploaded.PhotoId, rendered, UploadFacts.From(uploaded), cancellationToken);
            metrics.Rendered(TimeProvider.System.GetElapsedTime(started));
            if (await store.IsDeletedAsync(uploaded.PhotoId, cancellationToken))
            {
                // Deleted while rendering: take back what was just stored.
                await store.DeleteAsync(uploaded.PhotoId, cancellationToken);
                return EventOutcome.Drop;
            }

            await events.PublishAsync(thumbnailed, cancellationToken);
            var elapsedMs = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            ThumbnailsLog.Rendered(
                logger, uploaded.PhotoId, thumbnailed.EventId, rendered.Renditions.Count, elapsedMs);
            coldStart.MarkFirstRender();
            return EventOutcome.Success;
        }
    }

    // Never trust that upload checked: the same allow-list and limits, from the header alone.
    private (PhotoFormat, ImageSize) Inspect(ReadOnlyMemory<byte> firstChunk)
    {
        if (FormatSniffer.Detect(firstChunk.Span) is not { Format: { } format } sniffed)
        {
            throw new UnrenderablePhotoException(
                "inspect",
                $"The original is {FormatSniffer.Detect(firstChunk.Span).RefusedName}; "
                + $"supported: {PhotoFormat.SupportedNames}.");
        }

        var size = ImageHeader.Read(images, firstChunk)
            ?? throw new UnrenderablePhotoException("inspect", $"The {format.Name} header cannot be read.");
        return options.Value.ImageLimits.Violation(size) is { } violation
            ? throw new UnrenderablePhotoException("inspect", violation)
            : (format, size);
    }
}
