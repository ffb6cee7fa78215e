using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.Renditions;

/// <summary>
/// The rendition set thumbnails renders now, as its instances announce it when they start: the
/// newest announcement wins, so during a rollout the set of the last instance to start counts.
/// A photo whose renditions belong to another set is outdated and can be reprocessed.
/// </summary>
// REVIEW: "Newest announcement wins" trusts start order: an instance of the old spec that restarts
// after the new ones (a rollback, a crash loop) makes its set current again; an announcement that
// carried a deployment version would let upload tell a rollout from a restart.
public sealed class RenditionSets(DaprClient dapr, CheckedWrites writes)
{
    private const string CurrentKey = "renditions/current";

    public Task<RenditionSetAnnounced?> CurrentAsync(CancellationToken cancellationToken) =>
        dapr.GetStateAsync<RenditionSetAnnounced?>(
            ComponentNames.Photos, CurrentKey, cancellationToken: cancellationToken);

    /// <summary>Keeps the announcement if it is newer than the one kept; true when it was kept.</summary>
    public async Task<bool> ApplyAsync(RenditionSetAnnounced announced, CancellationToken cancellationToken)
    {
        var (_, kept) = await writes.ChangeAsync<RenditionSetAnnounced>(
            CurrentKey,
            current => current is not null && current.OccurredAt >= announced.OccurredAt ? null : announced,
            cancellationToken);
        return kept;
    }
}
