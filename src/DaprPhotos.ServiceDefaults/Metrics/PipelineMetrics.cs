using System.Diagnostics;
using System.Diagnostics.Metrics;
using DaprPhotos.ServiceDefaults.Events;
using static DaprPhotos.ServiceDefaults.Metrics.PipelineMetricNames;

namespace DaprPhotos.ServiceDefaults.Metrics;

/// <summary>
/// Records the pipeline's dashboard metrics (named in <see cref="PipelineMetricNames"/>). A step calls
/// it once its work is durable; the descriptions below say what a redelivery does to each count.
/// </summary>
public sealed class PipelineMetrics
{
    private const string Photos = "{photo}";
    private const string Seconds = "s";

    private readonly TimeProvider _time;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rendered;
    private readonly Counter<long> _indexed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _renderDuration;
    private readonly Histogram<double> _eventLag;
    private readonly Counter<long> _eventsHandled;

    public PipelineMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);

        _accepted = meter.CreateCounter<long>(PhotosAccepted, Photos,
            "Uploads stored as new photos with their photo-uploaded event. Refused uploads, duplicates "
            + "of a stored photo and Idempotency-Key replays are not counted.");
        _rendered = meter.CreateCounter<long>(PhotosRendered, Photos,
            "Renders done: rendition sets stored. A redelivery that finds the set republishes it and is "
            + "not counted; a photo deleted while rendering is (the work was done).");
        _indexed = meter.CreateCounter<long>(PhotosIndexed, Photos,
            "Photo versions indexed. A redelivery of a version already indexed, an older version and a "
            + "deleted photo are not counted; a newer version of the same photo is.");
        _failed = meter.CreateCounter<long>(PhotosFailed, Photos,
            "Photos a step gave up on, counted once its photo-failed event is published; the step then "
            + "drops the message, so it is not redelivered to be counted again.");
        _deadLettered = meter.CreateCounter<long>(PhotosDeadLettered, Photos,
            "Events a subscriber dead-lettered (retries exhausted or dropped), as upload hears them.");
        _renderDuration = meter.CreateHistogram(RenderDuration, Seconds,
            "Time from the render gate admitting a photo to its renditions stored: reading the original, "
            + "decoding, resizing, encoding, storing. Waiting for the gate is not included.",
            advice: Buckets(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60));
        _eventLag = meter.CreateHistogram(EventLag, Seconds,
            "Time from an event's OccurredAt to a subscriber receiving it, per delivery: a redelivery's "
            + "lag includes the retries before it. Clock skew that makes it negative counts as zero.",
            advice: Buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600));
        _eventsHandled = meter.CreateCounter<long>(EventsHandled, "{event}",
            "Deliveries a subscriber answered, by outcome; an exception counts as retry, an unreadable "
            + "message as drop. Redeliveries are counted each time.");
    }

    public void Accepted() => _accepted.Add(1);

    public void Rendered(TimeSpan duration)
    {
        _rendered.Add(1);
        _renderDuration.Record(duration.TotalSeconds);
    }

    /// <remarks>
    /// Undercounts in one rare case: an attempt that wrote the photo's record and then failed before its
    /// postings leaves the retry that completes them looking like a redelivery.
    /// </remarks>
    public void Indexed() => _indexed.Add(1);

    public void Failed(string appId, string? stage) =>
        _failed.Add(1, new(AppIdTag, appId), new(StageTag, stage ?? "unknown"));

    /// <summary>
    /// One dead letter of <paramref name="topic"/> given up by <paramref name="subscriberAppId"/>. Call it
    /// once per dead letter (when it changes the photo's record, say), not per delivery of one.
    /// </summary>
    public void DeadLettered(string topic, string subscriberAppId) =>
        _deadLettered.Add(1, new(TopicTag, topic), new(AppIdTag, subscriberAppId));

    /// <summary>How long ago the event occurred, or null when it carries no time to measure from.</summary>
    public TimeSpan? LagOf(DateTimeOffset occurredAt)
    {
        // A missing OccurredAt reads as year 1: two thousand years of lag would swamp the histogram.
        if (occurredAt == default)
        {
            return null;
        }

        // The publisher's clock may run ahead of ours; a histogram of lag has no room below zero.
        var lag = _time.GetUtcNow() - occurredAt;
        return lag < TimeSpan.Zero ? TimeSpan.Zero : lag;
    }

    public void EventHandled(string topic, string appId, EventOutcome outcome, TimeSpan? lag)
    {
        var tags = new TagList
        {
            { TopicTag, topic },
            { AppIdTag, appId },
            { OutcomeTag, OutcomeName(outcome) },
        };

        _eventsHandled.Add(1, tags);
        if (lag is { } measured)
        {
            _eventLag.Record(measured.TotalSeconds, tags);
        }
    }

    private static string OutcomeName(EventOutcome outcome) => outcome switch
    {
        EventOutcome.Success => "success",
        EventOutcome.Drop => "drop",
        _ => "retry",
    };

    // OpenTelemetry's default buckets are sized for milliseconds; these are seconds.
    private static InstrumentAdvice<double> Buckets(params double[] boundaries) =>
        new() { HistogramBucketBoundaries = boundaries };
}
