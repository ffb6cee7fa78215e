namespace DaprPhotos.Contracts;

/// <summary>Pub/sub topic names. Each topic carries exactly one event type.</summary>
public static class Topics
{
    public const string PhotoUploaded = "photo-uploaded";
    public const string PhotoThumbnailed = "photo-thumbnailed";
    public const string PhotoIndexed = "photo-indexed";
    public const string PhotoFailed = "photo-failed";
    public const string PhotoDeleted = "photo-deleted";
    public const string PhotoReprocessRequested = "photo-reprocess-requested";

    /// <summary>Thumbnails' rendition set, announced by every instance as it starts.</summary>
    public const string RenditionSetAnnounced = "rendition-set-announced";

    /// <summary>
    /// Where daprd moves a message whose deliveries to one subscriber were exhausted or dropped.
    /// Each subscriber has its own, so a dead letter says which service gave up on which event.
    /// </summary>
    public static string DeadLetter(string topic, string subscriberAppId) =>
        $"{topic}.{subscriberAppId}.dead-letter";
}
