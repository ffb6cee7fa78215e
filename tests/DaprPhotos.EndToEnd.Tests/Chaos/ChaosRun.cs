using System.Diagnostics;
using DaprPhotos.EndToEnd.Tests.Support;
using DaprPhotos.Testing.Faults;

namespace DaprPhotos.EndToEnd.Tests.Chaos;

/// <summary>
/// One chaos run that the chaos tests share: the pipeline under <see cref="ChaosFaults"/>, the
/// clients' uploads of the <see cref="ChaosUploads"/> mix, then a bounded wait until every photo
/// has settled. The faults end there, so the checks read a calm system.
/// </summary>
public sealed class ChaosRun : IAsyncLifetime
{
    /// <summary>Set it to run more or fewer uploads than the default 200.</summary>
    public const string UploadCountVariable = "DAPRPHOTOS_CHAOS_UPLOADS";

    public const int Seed = 20261211;

    // Wall clock; a run that passes on a busy two-core machine settles long before.
    private static readonly TimeSpan SettleCap = TimeSpan.FromMinutes(4);

    internal Pipeline Pipeline { get; private set; } = null!;

    internal IReadOnlyList<(string Name, FaultRule Rule)> Faults { get; private set; } = [];

    internal IReadOnlyList<UploadAnswer> Answers { get; private set; } = [];

    /// <summary>Every photo record upload holds once the run settled (or the cap passed).</summary>
    internal IReadOnlyList<StoredPhoto> Photos { get; private set; } = [];

    /// <summary>
    /// Blobs keys of no living photo once the janitor had its chance (see
    /// <see cref="ChaosOrphans"/>); empty when every key belongs.
    /// </summary>
    internal IReadOnlyList<string> Orphans { get; private set; } = [];

    internal TimeSpan Elapsed { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        Pipeline = await Pipeline.StartAsync(new PipelineOptions { Seed = Seed }, cancellation);
        Faults = ChaosFaults.Inject(Pipeline.Environment.Faults);
        var uploads = ChaosUploads.Make(UploadCount(), Seed);

        Answers = await ChaosClient.UploadAllAsync(Pipeline, uploads, cancellation);
        (Photos, _) = await Pipeline.SettleAsync(ReadWhenIdleAsync, AllSettled, SettleCap, cancellation);
        Pipeline.Environment.Faults.Clear();
        (Photos, _) = await Pipeline.SettleAsync(ReadWhenIdleAsync, AllSettled, SettleCap, cancellation);
        (Orphans, _) = await Pipeline.SettleAsync(
            () => Task.FromResult(ChaosOrphans.Find(Pipeline)),
            keys => keys.Count == 0,
            SettleCap,
            cancellation);

        Elapsed = clock.Elapsed;
    }

    public async ValueTask DisposeAsync() => await Pipeline.DisposeAsync();

    private async Task<IReadOnlyList<StoredPhoto>> ReadWhenIdleAsync()
    {
        await Pipeline.Environment.WhenIdleAsync();
        return Pipeline.PhotoRecords();
    }

    private static bool AllSettled(IReadOnlyList<StoredPhoto> photos) =>
        photos.All(photo => photo.Status is PhotoView.Indexed or PhotoView.Failed or PhotoView.Deleted);

    private static int UploadCount() =>
        int.TryParse(System.Environment.GetEnvironmentVariable(UploadCountVariable), out var count)
            && count > 0
                ? count
                : 200;
}
