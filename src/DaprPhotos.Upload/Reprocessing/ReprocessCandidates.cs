using DaprPhotos.Upload.Photos;
using DaprPhotos.Upload.Renditions;
using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.Reprocessing;

/// <summary>
/// The photos a reprocessing job chose, the rendition set they must come back with, and a note.
/// </summary>
public sealed record ChosenPhotos(IReadOnlyList<string> PhotoIds, string? CurrentRenditionSet, string Note);

/// <summary>
/// Walks every listed photo (newest first, a day and a bulk read at a time) and picks those that
/// failed or whose renditions belong to another set than the one thumbnails announced last. Photos
/// still on their way through the pipeline (uploaded, not yet rendered) and deleted ones are left.
/// </summary>
public sealed class ReprocessCandidates(ListingIndex listing, PhotoRepository photos, RenditionSets sets)
{
    private const int RecordsPerRead = 100;

    public async Task<ChosenPhotos> FindAsync(
        ReprocessSelection selection,
        CancellationToken cancellationToken)
    {
        var current = (await sets.CurrentAsync(cancellationToken))?.RenditionSet;
        List<string> chosen = [];
        var outdated = 0;
        var failed = 0;
        foreach (var day in await listing.DaysAsync(cancellationToken))
        {
            var entries = await listing.DayAsync(day, cancellationToken);
            foreach (var batch in entries.Chunk(RecordsPerRead))
            {
                var records = await photos.GetManyAsync([.. batch.Select(e => e.PhotoId)], cancellationToken);
                foreach (var record in records)
                {
                    if (selection.Failed && record.Status == PhotoStatus.Failed)
                    {
                        failed++;
                        chosen.Add(record.Id);
                    }
                    else if (selection.Outdated && current is not null && IsRendered(record)
                        && record.RenditionSet != current)
                    {
                        outdated++;
                        chosen.Add(record.Id);
                    }
                }
            }
        }

        return new ChosenPhotos(chosen, current, Describe(selection, current, outdated, failed));
    }

    private static bool IsRendered(PhotoRecord record) =>
        record.Status is PhotoStatus.Thumbnailed or PhotoStatus.Indexed;

    private static string Describe(ReprocessSelection selection, string? current, int outdated, int failed)
    {
        var parts = new List<string>();
        if (selection.Outdated)
        {
            parts.Add(current is null
                ? "no photo counts as outdated: thumbnails has not announced its rendition set yet"
                : $"{outdated} outdated (rendition set {current} is current)");
        }

        if (selection.Failed)
        {
            parts.Add($"{failed} failed");
        }

        return string.Join("; ", parts);
    }
}
