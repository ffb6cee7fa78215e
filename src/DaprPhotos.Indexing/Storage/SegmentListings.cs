namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// The segments each term has postings in, under <c>segments/{term}</c>. A listing is written only
/// the first time a term gets a photo of a month, so even a popular term's listing changes about
/// once a month; like the vocabulary it only grows (a month emptied by deletes stays listed and
/// reads as empty), so each replica remembers what it has seen stored and skips it.
/// </summary>
public sealed class SegmentListings
{
    private readonly KnownMembers _listed = new(capacity: 500_000);

    /// <summary>Changes that list the segment under each term not yet known to list it.</summary>
    public IEnumerable<SetChange> Additions(IEnumerable<string> terms, string segment) =>
        terms.Distinct()
            .Where(term => !_listed.Contains(Member(term, segment)))
            .Select(term => new AddMembers(IndexKeys.Segments(term), [segment]));

    public void Remember(IEnumerable<string> terms, string segment) =>
        _listed.Remember(terms.Select(term => Member(term, segment)));

    private static string Member(string term, string segment) => $"{segment} {term}";
}
