using System.Diagnostics;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>
/// One photo uploaded by a client that starts a trace (a sampled W3C <c>traceparent</c>, as an
/// instrumented client sends), watched to <c>Indexed</c>, with every service exporting its spans.
/// </summary>
public sealed class TracedPhoto : IAsyncLifetime
{
    internal SpanLog Spans { get; } = new();

    internal Pipeline Pipeline { get; private set; } = null!;

    /// <summary>The trace the client started.</summary>
    internal ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

    internal string PhotoId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Pipeline = await Pipeline.StartAsync(new PipelineOptions { Spans = Spans }, cancellation);
        var traceParent = $"00-{TraceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        var bytes = SamplePhotos.Jpeg(640, 480, seed: 3, CameraExif.EiffelTower());

        var uploaded = await Pipeline.UploadPhotoAsync(
            bytes, "traced.jpg", "Traced", cancellation, traceParent);
        await Pipeline.WaitForStatusAsync(uploaded.Id, PhotoView.Indexed, cancellation);

        // The last hop's span ends once upload has answered the sidecar, just after the status moved.
        await Spans.Spans.WaitForAsync(
            span => ServedSpans.Path(span) == "/events/photo-indexed", "upload serving photo-indexed",
            Pipeline.Patience, cancellation);
        PhotoId = uploaded.Id;
    }

    public async ValueTask DisposeAsync() => await Pipeline.DisposeAsync();
}
