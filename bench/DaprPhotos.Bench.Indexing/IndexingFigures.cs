using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.Bench.Indexing;

/// <summary>What indexing one size cost, overall and stage by stage as the index grew.</summary>
/// <param name="SoloRoundTrips">Round-trips of each photo indexed alone, one in every block.</param>
internal sealed record IndexingFigures(
    int PhotosAsked,
    int PhotosIndexed,
    TimeSpan Elapsed,
    IndexingStage Overall,
    IReadOnlyList<IndexingStage> Stages,
    IReadOnlyList<int> SoloRoundTrips,
    int Redeliveries,
    int StoredKeys)
{
    public bool Finished => PhotosIndexed == PhotosAsked;
}

/// <summary>The sidecar calls of a stretch of indexing, per photo.</summary>
/// <param name="IndexSize">Photos in the index at the end of the stretch.</param>
/// <param name="SetReadsPerPhoto">
/// Bulk reads per photo: one per attempt at writing the photo's postings, so above 1 means
/// conflicts made writers read again.
/// </param>
internal sealed record IndexingStage(
    int Photos,
    int IndexSize,
    TimeSpan Elapsed,
    double RoundTripsPerPhoto,
    double SetReadsPerPhoto,
    double KilobytesWrittenPerPhoto)
{
    public double PhotosPerSecond => Photos / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double MillisecondsPerPhoto => Elapsed.TotalMilliseconds / Math.Max(Photos, 1);

    public static IndexingStage Measure(
        IReadOnlyList<SidecarCall> calls, int photos, int indexSize, TimeSpan elapsed)
    {
        double PerPhoto(double total) => total / Math.Max(photos, 1);
        var written = calls
            .Where(call => call.Method is "SaveState" or "ExecuteStateTransaction" or "DeleteState")
            .Sum(call => (long)call.RequestBytes);
        return new IndexingStage(photos, indexSize, elapsed, PerPhoto(calls.Count),
            PerPhoto(calls.Count(call => call.Method == "GetBulkState")), PerPhoto(written) / 1024);
    }

    public string Describe() =>
        $"{PhotosPerSecond:0.0} photos/s, {RoundTripsPerPhoto:0.00} round-trips, "
        + $"{SetReadsPerPhoto:0.00} bulk reads, {KilobytesWrittenPerPhoto:0.0} KB written per photo";
}
