namespace DaprPhotos.ServiceDefaults.Metrics;

/// <summary>
/// What a dashboard author queries: the meter every DaprPhotos service records the pipeline on, its
/// instruments and their tag keys. The three services share the meter; the OpenTelemetry resource
/// (<c>service.name</c>) tells their series apart. A Prometheus exporter writes the dots as underscores
/// and adds <c>_total</c> to counters and <c>_seconds</c> to the histograms.
/// </summary>
/// <remarks>
/// Each step counts a photo where its work becomes durable, so a redelivery that finds the work done
/// counts nothing: a dashboard can add the counters up without deduplicating. The generic subscriber
/// endpoint, by contrast, records every delivery, redeliveries included.
/// </remarks>
public static class PipelineMetricNames
{
    public const string MeterName = "DaprPhotos.Pipeline";

    /// <summary>Counter, <c>{photo}</c>, no tags. Upload: a new photo stored with its event.</summary>
    public const string PhotosAccepted = "daprphotos.photos.accepted";

    /// <summary>Counter, <c>{photo}</c>, no tags. Thumbnails: a photo's rendition set stored.</summary>
    public const string PhotosRendered = "daprphotos.photos.rendered";

    /// <summary>Counter, <c>{photo}</c>, no tags. Indexing: a new version of a photo indexed.</summary>
    public const string PhotosIndexed = "daprphotos.photos.indexed";

    /// <summary>
    /// Counter, <c>{photo}</c>, tags <see cref="AppIdTag"/> and <see cref="StageTag"/>. The step that
    /// gave up, once its <c>photo-failed</c> is published.
    /// </summary>
    public const string PhotosFailed = "daprphotos.photos.failed";

    /// <summary>
    /// Counter, <c>{photo}</c>, tags <see cref="TopicTag"/> (the original topic) and
    /// <see cref="AppIdTag"/> (the subscriber that gave up). Upload, as its dead-letter handler hears one.
    /// </summary>
    public const string PhotosDeadLettered = "daprphotos.photos.dead_lettered";

    /// <summary>Histogram, <c>s</c>, no tags. Thumbnails: one per rendition set stored.</summary>
    public const string RenderDuration = "daprphotos.render.duration";

    /// <summary>
    /// Histogram, <c>s</c>, tags <see cref="TopicTag"/>, <see cref="AppIdTag"/> and
    /// <see cref="OutcomeTag"/>. The subscriber endpoint: one per delivery of a readable event.
    /// </summary>
    public const string EventLag = "daprphotos.event.lag";

    /// <summary>
    /// Counter, <c>{event}</c>, tags <see cref="TopicTag"/>, <see cref="AppIdTag"/> and
    /// <see cref="OutcomeTag"/>. The subscriber endpoint: one per delivery, unreadable ones included.
    /// </summary>
    public const string EventsHandled = "daprphotos.events.handled";

    /// <summary>The pub/sub topic, under OpenTelemetry's messaging name for it.</summary>
    public const string TopicTag = "messaging.destination.name";

    /// <summary>
    /// The Dapr app id of the subscriber that handled the event, or of the one that gave up on the photo.
    /// </summary>
    public const string AppIdTag = "daprphotos.app_id";

    /// <summary>What the subscriber told daprd: <c>success</c>, <c>retry</c> or <c>drop</c>.</summary>
    public const string OutcomeTag = "daprphotos.event.outcome";

    /// <summary>
    /// Where in its step a photo failed: <c>read</c>, <c>inspect</c> or <c>decode</c> (thumbnails),
    /// <c>index</c> (indexing).
    /// </summary>
    public const string StageTag = "daprphotos.failure.stage";
}
