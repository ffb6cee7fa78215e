extern alias indexing;

using System.Diagnostics;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults.Events;
using indexing::DaprPhotos.Indexing.Handlers;

namespace DaprPhotos.Bench.Indexing;

/// <summary>
/// Indexes photos 0..n-1 by calling the service's <c>photo-thumbnailed</c> handler directly (what
/// its subscriber endpoint calls after the CloudEvent is unwrapped), several at once. The first
/// photo of every block of <see cref="BlockSize"/> is indexed alone, so its round-trips can be
/// counted exactly; the rest run <see cref="BenchOptions.Parallelism"/> at a time.
/// </summary>
internal sealed class IndexingRun(IndexingHost host, BenchOptions options, CancellationToken stopping)
{
    private const int BlockSize = 100;
    private const int StageCount = 10;

    // daprd's deliveryRetry in components/resiliency.yaml allows 6 retries; one more delivery is the DLQ.
    private const int MaxDeliveries = 7;

    private readonly PhotoThumbnailedHandler _handler = host.Service<PhotoThumbnailedHandler>();
    private int _redeliveries;

    public async Task<IndexingFigures> RunAsync(int photoCount, SyntheticPhotos photos)
    {
        var started = Stopwatch.StartNew();
        var firstCall = host.CallCount;
        var stages = new List<IndexingStage>();
        var solo = new List<int>();
        var stageStart = (Photos: 0, Elapsed: TimeSpan.Zero, Call: firstCall);
        var indexed = 0;
        while (indexed < photoCount && started.Elapsed < options.IndexingBudget)
        {
            var end = Math.Min(photoCount, indexed + BlockSize);
            var before = host.CallCount;
            await IndexOneAsync(photos.Create(indexed));
            solo.Add(host.CallsSince(before).Count);
            await Parallel.ForEachAsync(
                Enumerable.Range(indexed + 1, end - indexed - 1),
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = options.Parallelism,
                    CancellationToken = stopping,
                },
                async (number, _) => await IndexOneAsync(photos.Create(number)));
            indexed = end;

            var stageEnd = (long)photoCount * (stages.Count + 1) / StageCount;
            if (indexed >= stageEnd || started.Elapsed >= options.IndexingBudget)
            {
                var stage = IndexingStage.Measure(
                    host.CallsSince(stageStart.Call), indexed - stageStart.Photos, indexed,
                    started.Elapsed - stageStart.Elapsed);
                stages.Add(stage);
                Progress.Write($"  indexed {indexed:N0}/{photoCount:N0} "
                    + $"in {started.Elapsed:h\\:mm\\:ss}: {stage.Describe()}");
                stageStart = (indexed, started.Elapsed, host.CallCount);
            }
        }

        return new IndexingFigures(photoCount, indexed, started.Elapsed,
            IndexingStage.Measure(host.CallsSince(firstCall), indexed, indexed, started.Elapsed),
            stages, solo, _redeliveries, host.StoredKeyCount);
    }

    private async Task IndexOneAsync(PhotoThumbnailed photo)
    {
        var context = new IntegrationEventContext(
            Topics.PhotoThumbnailed, photo.EventId.ToString(), PhotoThumbnailed.CloudEventType);
        for (var delivery = 1; ; delivery++)
        {
            var outcome = await _handler.HandleAsync(photo, context, stopping);
            if (outcome == EventOutcome.Success)
            {
                return;
            }

            if (outcome == EventOutcome.Drop || delivery == MaxDeliveries)
            {
                throw new InvalidOperationException(
                    $"photo {photo.PhotoId} ended {outcome} after {delivery} deliveries");
            }

            // What daprd would do: deliver again after a backoff.
            Interlocked.Increment(ref _redeliveries);
            await Task.Delay(TimeSpan.FromMilliseconds(100 << delivery), stopping);
        }
    }
}
