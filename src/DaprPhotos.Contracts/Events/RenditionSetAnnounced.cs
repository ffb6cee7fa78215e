namespace DaprPhotos.Contracts.Events;

/// <summary>
/// A thumbnails instance started and renders <paramref name="RenditionSet"/> from now on. The
/// newest announcement tells upload which photos were rendered with an older set. It is about the
/// service, not a photo, so it is not an <see cref="IIntegrationEvent"/>.
/// </summary>
/// <param name="RenditionSet">The set's fingerprint, as <c>photo-thumbnailed</c> carries it.</param>
/// <param name="Renditions">The names of the set's renditions.</param>
public sealed record RenditionSetAnnounced(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string RenditionSet,
    IReadOnlyList<string> Renditions)
{
    public const string Topic = Topics.RenditionSetAnnounced;

    public const string CloudEventType = "daprphotos.rendition-set.announced.v1";
}
