namespace DaprPhotos.Contracts.Events;

/// <summary>
/// The original is stored in <c>blobs</c> under <paramref name="OriginalKey"/> and passed the upload
/// checks.
/// </summary>
public sealed record PhotoUploaded(
    Guid EventId,
    string PhotoId,
    DateTimeOffset OccurredAt,
    string OriginalKey,
    string Format,
    int Width,
    int Height,
    long SizeBytes,
    string Sha256,
    string FileName,
    string? Title,
    string? Description,
    IReadOnlyList<string> Tags) : IIntegrationEvent
{
    public static string Topic => Topics.PhotoUploaded;

    public static string CloudEventType => "daprphotos.photo.uploaded.v1";
}
