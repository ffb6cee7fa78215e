using System.Diagnostics;
using System.Text.Json;
using DaprPhotos.Contracts;
using DaprPhotos.EndToEnd.Tests.Support;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.EndToEnd.Tests;

/// <summary>
/// One photo's journey is one trace: the upload request, every call that publishes its events and
/// every delivery of them share the trace id the client started, as daprd carries it in each
/// CloudEvent (<c>traceparent</c>, <c>traceid</c>) and in each delivery's headers.
/// </summary>
public sealed class TraceTests(TracedPhoto traced) : IClassFixture<TracedPhoto>
{
    private string Trace => traced.TraceId.ToHexString();

    [Fact]
    public void TheUploadRequestContinuesTheClientsTrace()
    {
        var upload = SpansServing(AppIds.Upload, "/photos");

        Assert.Equal([Trace], upload);
    }

    [Fact]
    public void TheOutboxTransactionAndItsInternalEventCarryTheClientsTrace()
    {
        var transaction = SidecarCallTraces(AppIds.Upload, "ExecuteStateTransaction");
        var internalEvent = traced.Pipeline.Environment.Messages.Snapshot()
            .OfType<MessagePublished>()
            .Single(message => message.Topic.EndsWith("outbox", StringComparison.Ordinal));

        Assert.Equal([Trace, Trace], [.. transaction, TraceIdOf(internalEvent, "traceid")]);
    }

    [Fact]
    public void FromTheRenderOnEveryPublishAndDeliveryStaysInOneTrace()
    {
        var served = Assert.Single(Served(AppIds.Thumbnails, $"/events/{Topics.PhotoUploaded}"));
        var render = served.TraceId.ToHexString();

        // From the render on: thumbnails announces its rendition set at start, in a trace of its own.
        string[] later =
        [
            .. SidecarCallTraces(AppIds.Thumbnails, "PublishEvent", since: served.StartTimeUtc),
            .. CloudEventTraces(Topics.PhotoThumbnailed),
            .. SpansServing(AppIds.Indexing, $"/events/{Topics.PhotoThumbnailed}"),
            .. SpansServing(AppIds.Upload, $"/events/{Topics.PhotoThumbnailed}"),
            .. SidecarCallTraces(AppIds.Indexing, "PublishEvent"),
            .. CloudEventTraces(Topics.PhotoIndexed),
            .. SpansServing(AppIds.Upload, $"/events/{Topics.PhotoIndexed}"),
        ];

        Assert.Equal(Enumerable.Repeat(render, 9), later);
    }

    [Fact]
    public void TheDeliveryOfPhotoUploadedIsServedInTheClientsTrace()
    {
        var render = SpansServing(AppIds.Thumbnails, $"/events/{Topics.PhotoUploaded}");

        Assert.Equal([Trace], render);
    }

    [Fact]
    public void EveryCloudEventAboutThePhotoCarriesTheClientsTrace()
    {
        string[] topics = [Topics.PhotoUploaded, Topics.PhotoThumbnailed, Topics.PhotoIndexed];

        var traces = topics.SelectMany(CloudEventTraces);

        Assert.Equal(Enumerable.Repeat(Trace, 6), traces);
    }

    // The trace ids of the server spans with which the app served the path.
    private List<string> SpansServing(string appId, string path) =>
        [.. Served(appId, path).Select(span => span.TraceId.ToHexString())];

    // The server spans with which the app served the path.
    private List<Activity> Served(string appId, string path) =>
        [.. traced.Spans.Spans.Snapshot()
            .Where(span => ServedSpans.Path(span) == path && ServedSpans.AppId(span) == appId)];

    // The trace ids of the app's calls to its sidecar's API method (those started since a time).
    private List<string> SidecarCallTraces(string appId, string method, DateTime? since = null) =>
        [.. traced.Spans.Spans.Snapshot()
            .Where(span => ServedSpans.SidecarCall(span, traced.Pipeline.Environment) == (appId, method)
                && span.StartTimeUtc >= (since ?? DateTime.MinValue))
            .Select(span => span.TraceId.ToHexString())];

    // For each CloudEvent about the photo on the topic: the trace in traceparent, then in traceid.
    private IEnumerable<string> CloudEventTraces(string topic) =>
        traced.Pipeline.Environment.Messages.Snapshot()
            .OfType<MessagePublished>()
            .Where(message => message.Topic == topic && message.BodyText.Contains(traced.PhotoId))
            .SelectMany(message =>
                new[] { TraceIdOf(message, "traceparent"), TraceIdOf(message, "traceid") });

    // The trace id in a CloudEvent's traceparent-shaped field, or what the field holds instead.
    private static string TraceIdOf(MessagePublished message, string field)
    {
        using var cloudEvent = JsonDocument.Parse(message.Body);
        var value = cloudEvent.RootElement.TryGetProperty(field, out var property)
            ? property.GetString()
            : null;
        return ActivityContext.TryParse(value, null, out var context)
            ? context.TraceId.ToHexString()
            : $"no {field} ('{value}')";
    }
}
