using System.Buffers.Text;
using System.Text.Json;
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

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? text, out ListingToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            token = JsonSerializer.Deserialize<ListingToken>(Base64Url.DecodeFromChars(text));
            return token is { Day.Length: 8, PhotoId.Length: > 0 };
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
