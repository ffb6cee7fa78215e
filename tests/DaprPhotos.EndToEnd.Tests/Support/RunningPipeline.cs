namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>A pipeline without faults that a class's tests share, each with photos of its own.</summary>
public sealed class RunningPipeline : IAsyncLifetime
{
    internal Pipeline Pipeline { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Pipeline = await Pipeline.StartAsync(new PipelineOptions(), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Pipeline.DisposeAsync();
}
