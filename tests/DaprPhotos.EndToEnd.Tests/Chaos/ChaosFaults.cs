using DaprPhotos.Contracts;
using DaprPhotos.Testing.Faults;

namespace DaprPhotos.EndToEnd.Tests.Chaos;

/// <summary>
/// What goes wrong during a chaos run, drawn from the environment's seeded random source:
/// duplicate and out-of-order deliveries, and state and publish calls that fail, some inside the
/// sidecar (retried there by resiliency.yaml's component policy first) and some before reaching it
/// (the app sees those at once).
/// </summary>
internal static class ChaosFaults
{
    public static IReadOnlyList<(string Name, FaultRule Rule)> Inject(SidecarFaults faults)
    {
        // A broker hands each message to one subscriber twice, or holds a few back and sends them
        // newest first; one delivery fault per app and topic.
        faults.DuplicateDeliveries(Topics.PhotoUploaded, AppIds.Thumbnails);
        faults.DuplicateDeliveries(Topics.PhotoThumbnailed, AppIds.Indexing);
        faults.DuplicateDeliveries(Topics.PhotoFailed, AppIds.Upload);
        faults.ReorderDeliveries(5, TimeSpan.FromSeconds(2), Topics.PhotoThumbnailed, AppIds.Upload);
        faults.ReorderDeliveries(5, TimeSpan.FromSeconds(2), Topics.PhotoIndexed, AppIds.Upload);

        // The outbox relay's final publish is left alone: the test sidecar treats its failure as
        // redis acknowledging the message, so the photo would lose its event (see the report).
        return
        [
            ("state: store errors (retried by the sidecar)", faults.FailState(probability: 0.1)),
            ("state: sidecar unreachable", faults.FailState(
                probability: 0.01, kind: FaultKind.SidecarUnreachable)),
            ("publish: broker errors in thumbnails", faults.FailPublish(AppIds.Thumbnails, probability: 0.1)),
            ("publish: broker errors in indexing", faults.FailPublish(AppIds.Indexing, probability: 0.1)),
            ("publish: sidecar unreachable in thumbnails", faults.FailPublish(
                AppIds.Thumbnails, probability: 0.02, kind: FaultKind.SidecarUnreachable)),
            ("publish: sidecar unreachable in indexing", faults.FailPublish(
                AppIds.Indexing, probability: 0.02, kind: FaultKind.SidecarUnreachable)),
            ("publish: upload's outbox message", faults.FailPublish(
                AppIds.Upload, OutboxTopic, probability: 0.05)),
        ];
    }

    // daprd's internal topic for upload's outbox: app id, publish topic, then "outbox".
    private const string OutboxTopic = AppIds.Upload + Topics.PhotoUploaded + "outbox";
}
