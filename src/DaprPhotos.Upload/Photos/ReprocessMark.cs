using System.Text.Json.Serialization;

namespace DaprPhotos.Upload.Photos;

/// <summary>
/// A reprocessing run asked for the photo again. It is done once the photo is indexed again with
/// the run's rendition set (whichever of the two events arrives first), failed if a step reports a
/// failure first.
/// </summary>
/// <param name="TargetRenditionSet">The set the photo must end up with; null when none is known.</param>
/// <param name="IndexedSince">A <c>photo-indexed</c> arrived after the request.</param>
public sealed record ReprocessMark(
    string RequestId,
    string? TargetRenditionSet,
    ReprocessOutcome Outcome = ReprocessOutcome.Pending,
    bool IndexedSince = false,
    string? Error = null)
{
    public bool IsPending => Outcome == ReprocessOutcome.Pending;

    // REVIEW: photo-indexed does not say which photo-thumbnailed it indexed, so a late redelivery of
    // an index event from before the request also counts; events carrying a causation id would close
    // that gap (rare: it needs a redelivery to outlive a whole batch's wait).

    public ReprocessMark? Settled(PhotoRecord record) =>
        IsPending && IndexedSince && (TargetRenditionSet is null || TargetRenditionSet == record.RenditionSet)
            ? this with { Outcome = ReprocessOutcome.Done }
            : null;
}

[JsonConverter(typeof(JsonStringEnumConverter<ReprocessOutcome>))]
public enum ReprocessOutcome
{
    Pending,
    Done,
    Failed,
}
