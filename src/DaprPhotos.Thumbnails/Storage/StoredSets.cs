namespace DaprPhotos.Thumbnails.Storage;

/// <summary>
/// Every rendition set stored for one photo, whatever spec rendered it, the latest at the end: what
/// <c>photo-deleted</c> removes, and which superseded sets go once a newer one is published.
/// </summary>
public sealed record StoredSets(IReadOnlyList<StoredSet> Sets)
{
    /// <summary>
    /// The current set and the one before it. Upload serves downloads from the set of the last
    /// <c>photo-thumbnailed</c> it applied, so removing a set the moment a newer one is published
    /// would answer 404 until upload catches up; the set one back is kept for that, older ones go.
    /// </summary>
    public const int KeptSets = 2;

    public static StoredSets None { get; } = new([]);

    /// <summary>Whether <paramref name="fingerprint"/> is the set stored or published last.</summary>
    public bool EndsWith(string fingerprint) => Sets.Count > 0 && Sets[^1].Fingerprint == fingerprint;

    public StoredSet? Find(string fingerprint) => Sets.FirstOrDefault(set => set.Fingerprint == fingerprint);

    /// <summary>Whether <paramref name="set"/>, renditions and all, is listed as the latest.</summary>
    public bool IsLatest(StoredSet set) =>
        EndsWith(set.Fingerprint) && Sets[^1].Renditions.SequenceEqual(set.Renditions);

    /// <summary>Sets older than the <see cref="KeptSets"/> latest.</summary>
    public IReadOnlyList<StoredSet> Superseded => [.. Sets.SkipLast(KeptSets)];

    /// <summary>These sets with <paramref name="set"/> as the latest (moved there if listed).</summary>
    public StoredSets Latest(StoredSet set) =>
        new([.. Sets.Where(listed => listed.Fingerprint != set.Fingerprint), set]);

    public StoredSets Without(IReadOnlyList<StoredSet> removed) =>
        new([.. Sets.Where(listed => removed.All(gone => gone.Fingerprint != listed.Fingerprint))]);
}

/// <summary>One stored set: its fingerprint and the <c>blobs</c> keys of its renditions.</summary>
public sealed record StoredSet(string Fingerprint, IReadOnlyList<StoredRendition> Renditions);

/// <summary>A rendition's key and how many chunks it takes, known before the first is written.</summary>
public sealed record StoredRendition(string Key, int ChunkCount);
