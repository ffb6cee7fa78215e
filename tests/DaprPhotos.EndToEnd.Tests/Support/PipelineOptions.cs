namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>What one end-to-end run changes about the pipeline.</summary>
internal sealed class PipelineOptions
{
    /// <summary>Seeds the sidecars' fault draws and retry jitter, so a run can be repeated.</summary>
    public int Seed { get; init; } = 20261203;

    /// <summary>When set, every service exports its spans here (the in-memory exporter).</summary>
    public SpanLog? Spans { get; init; }
}
