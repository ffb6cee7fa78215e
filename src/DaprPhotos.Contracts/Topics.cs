namespace DaprPhotos.Contracts;

/// <summary>Pub/sub topic names. Each topic carries exactly one event type.</summary>
public static class Topics
{
    public const string PhotoUploaded = "photo-uploaded";
    public const string PhotoThumbnailed = "photo-thumbnailed";
    public const string PhotoIndexed = "photo-indexed";
    public const string PhotoFailed = "photo-failed";
    public const string PhotoDeleted = "photo-deleted";

    /// <summary>Where daprd moves a message whose deliveries to a subscriber were exhausted.</summary>
    public static string DeadLetterOf(string topic) => $"{topic}{DeadLetterSuffix}";

    public const string DeadLetterSuffix = "-dead-letter";
}
