using Dapr.Client;
using DaprPhotos.Contracts;
using DaprPhotos.Contracts.Events;

namespace DaprPhotos.Upload.Renditions;

/// <summary>
/// The rendition set thumbnails renders now, as its instances announce it when they start: the
/// newest announcement wins, so during a rollout the set of the last instance to start counts.
/// A photo whose renditions belong to another set is outdated and can be reprocessed.
/// </summary>
public sealed class RenditionSets(DaprClient dapr)
{
    private const string CurrentKey = "renditions/current";
    private const int MaxConflictRetries = 10;

    public Task<RenditionSetAnnounced?> CurrentAsync(CancellationToken cancellationToken) =>
        dapr.GetStateAsync<RenditionSetAnnounced?>(
            ComponentNames.Photos, CurrentKey, cancellationToken: cancellationToken);

    /// <summary>Keeps the announcement if it is newer than the one kept; true when it was kept.</summary>
    public async Task<bool> ApplyAsync(RenditionSetAnnounced announced, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<RenditionSetAnnounced?>(
                ComponentNames.Photos, CurrentKey, cancellationToken: cancellationToken);
            if (current is not null && current.OccurredAt >= announced.OccurredAt)
            {
                return false;
            }

            if (await dapr.TrySaveStateAsync(
                ComponentNames.Photos, CurrentKey, announced, etag, cancellationToken: cancellationToken))
            {
                return true;
            }
        }

        throw new Storage.ConcurrencyConflictException(
            "The current rendition set kept changing; the announcement will be retried.");
    }
}
