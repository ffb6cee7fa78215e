namespace DaprPhotos.Contracts.Events;

/// <summary>
/// Upload asks for a stored photo to go through the pipeline again: thumbnails renders it with its
/// current rendition set (or republishes a set it already has), and indexing indexes it again.
/// </summary>
/// <param name="OriginalKey">The original's key in <c>blobs</c>, as <c>photo-uploaded</c> gave it.</param>
/// <param name="Upload">What upload knows of the photo, carried on to <c>photo-thumbnailed</c>.</param>
/// <param name="Reason">Why, for a person to read: the rendition set is outdated, or a step failed.</param>
/// <param name="RequestId">The reprocessing run that asked, so its logs find every photo it touched.</param>
public sealed record PhotoReprocessRequested(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt,
    string OriginalKey,
    UploadFacts Upload,
    string Reason,
    string RequestId) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoReprocessRequested;

    public static string CloudEventType => "daprphotos.photo.reprocess-requested.v1";
}
