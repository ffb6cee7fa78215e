using Dapr;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;
using DaprPhotos.ServiceDefaults.Metrics;
using DaprPhotos.Thumbnails.Rendering;
using DaprPhotos.Thumbnails.Storage;
using DaprPhotos.Thumbnails.Warmup;

namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>
/// Brings a photo's renditions to the current rendition set, for any event that asks. Retries
/// (RETRY) on a transient fault of the sidecar; for a photo that can never be rendered it publishes
/// <c>photo-failed</c> with the stage and reason, then DROPs, so the message goes to the dead-letter
/// topic without a retry storm. A set of the current spec already stored is republished instead of
/// rendered again (a request that arrives mid-render waits for the photo's lock first); a deleted
/// photo is acknowledged and skipped. The set published becomes the photo's latest stored set, and a
/// set older than the one before it is removed (<see cref="StoredSets.KeptSets"/>).
/// </summary>
public sealed class PhotoRendering(
    Originals originals,
    PhotoRenderer renderer,
    RenderGate gate,
    RenditionStore store,
    SetHistory history,
    RenditionCleanup cleanup,
    PhotoLocks locks,
    ThumbnailEvents events,
    ColdStart coldStart,
    PipelineMetrics metrics,
    ILogger<PhotoRendering> logger)
{
    /// <summary>A redelivery of a rendered photo costs two sidecar calls: one read, one publish.</summary>
    public async Task<EventOutcome> RenderAsync(PhotoToRender photo, CancellationToken cancellationToken)
    {
        using var held = await locks.EnterAsync(photo.PhotoId, cancellationToken);
        try
        {
            var stored = await store.ReadAsync(photo.PhotoId, cancellationToken);
            if (stored.IsDeleted)
            {
                // Sets still stored belong to a render the delete overtook whose take-back failed.
                // Nothing failed here: acknowledged, so no dead letter claims otherwise.
                if (stored.Sets.Sets.Count > 0 || stored.CurrentSet is not null)
                {
                    await cleanup.RemoveAllAsync(photo.PhotoId, cancellationToken);
                }

                ThumbnailsLog.SkippedDeleted(logger, photo.PhotoId, photo.EventId);
                return EventOutcome.Success;
            }

            if (stored.CurrentSet is { } done)
            {
                var sets = await history.RecordLatestAsync(
                    photo.PhotoId, store.Describe(done, stored.Sets), (stored.Sets, stored.SetsETag),
                    cancellationToken);
                ThumbnailsLog.Republished(logger, photo.PhotoId, done.EventId);
                await events.PublishAsync(done, cancellationToken);
                await cleanup.RemoveSupersededAsync(photo.PhotoId, sets, cancellationToken);
                return EventOutcome.Success;
            }

            return await RenderNewAsync(photo, stored, cancellationToken);
        }
        catch (UnrenderablePhotoException ex)
        {
            ThumbnailsLog.Unrenderable(logger, photo.PhotoId, photo.EventId, ex.Stage, ex.Message);
            await events.PublishFailedAsync(photo.PhotoId, ex.Stage, ex.Message, cancellationToken);
            metrics.Failed(AppIds.Thumbnails, ex.Stage);
            return EventOutcome.Drop;
        }
        catch (Exception ex) when (ex is DaprException or StoredSetsConflictException)
        {
            ThumbnailsLog.Transient(logger, photo.PhotoId, photo.EventId, ex);
            return EventOutcome.Retry;
        }
    }

    private async Task<EventOutcome> RenderNewAsync(
        PhotoToRender photo, StoredPhoto stored, CancellationToken cancellationToken)
    {
        var original = await originals.OpenAsync(photo.OriginalKey, cancellationToken);
        var pixels = RenderGate.EstimateBytes(original.Size.Width, original.Size.Height);
        using (await gate.EnterAsync(pixels, cancellationToken))
        {
            var started = TimeProvider.System.GetTimestamp();
            RenderedPhoto rendered;
            try
            {
                rendered = await renderer.RenderAsync(original.Bytes, original.Format, cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                throw new UnrenderablePhotoException("read", ex.Message, ex);
            }

            // Listed before the first blob is written, so no crash can leave a blob a delete misses.
            var sets = await history.RecordLatestAsync(
                photo.PhotoId, store.Describe(photo.PhotoId, rendered), (stored.Sets, stored.SetsETag),
                cancellationToken);
            var thumbnailed = await store.SaveAsync(
                photo.PhotoId, rendered, photo.Upload, cancellationToken);
            metrics.Rendered(TimeProvider.System.GetElapsedTime(started));
            if (await store.IsDeletedAsync(photo.PhotoId, cancellationToken))
            {
                // Deleted while rendering: take back what was just stored.
                await cleanup.RemoveAllAsync(photo.PhotoId, cancellationToken);
                return EventOutcome.Drop;
            }

            await events.PublishAsync(thumbnailed, cancellationToken);
            await cleanup.RemoveSupersededAsync(photo.PhotoId, sets, cancellationToken);
            var elapsedMs = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            ThumbnailsLog.Rendered(
                logger, photo.PhotoId, thumbnailed.EventId, rendered.Renditions.Count, elapsedMs);
            coldStart.MarkFirstRender();
            return EventOutcome.Success;
        }
    }
}

/// <summary>
/// A photo some event asks to render: that event's id, the original's key in <c>blobs</c> and what
/// upload knows of the photo, carried on to <c>photo-thumbnailed</c>.
/// </summary>
public sealed record PhotoToRender(string PhotoId, Guid EventId, string OriginalKey, UploadFacts Upload);
