using DaprPhotos.Upload.Storage;

namespace DaprPhotos.Upload.Listing;

/// <summary>
/// Where the next page starts: a day and an entry of it, and whether that entry was already
/// returned (the usual case) or is the first still to read. Opaque to clients (base64url JSON).
/// </summary>
public sealed record ListingToken(
    string Day, string PhotoId, DateTimeOffset UploadedAt, bool Inclusive = false)
{
    public bool Admits(ListingEntry entry)
    {
        var order = ListingEntry.Order.Compare(entry, new ListingEntry(PhotoId, UploadedAt));
        return Inclusive ? order <= 0 : order < 0;
    }

    public string Encode() => ContinuationTokens.Encode(this);

    public static bool TryDecode(string? text, out ListingToken? token) =>
        ContinuationTokens.TryDecode(
            text, position => position is { Day.Length: 8, PhotoId.Length: > 0 }, out token);
}
