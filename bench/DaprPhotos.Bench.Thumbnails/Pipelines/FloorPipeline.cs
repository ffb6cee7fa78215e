namespace DaprPhotos.Bench.Thumbnails.Pipelines;

/// <summary>
/// Renders nothing: its peak memory is the runtime plus the corpus in memory, under all others.
/// </summary>
public sealed class FloorPipeline : IRenditionPipeline
{
    public const string Name = "floor";

    public Task<IReadOnlyList<byte[]>> RenderAsync(BenchPhoto photo) =>
        Task.FromResult<IReadOnlyList<byte[]>>([]);
}
