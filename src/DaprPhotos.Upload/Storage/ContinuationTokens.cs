using System.Buffers.Text;
using System.Text.Json;

namespace DaprPhotos.Upload.Storage;

/// <summary>
/// Where the next page of a listing starts, handed to clients as an opaque token (base64url JSON).
/// A token that does not read back as a valid position is refused, never guessed at.
/// </summary>
public static class ContinuationTokens
{
    public static string Encode<T>(T position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    /// <summary>
    /// True for no token (the first page: <paramref name="position"/> is null) or a valid one.
    /// </summary>
    public static bool TryDecode<T>(string? text, Func<T, bool> isValid, out T? position)
        where T : class
    {
        position = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            position = JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(text));
            return position is not null && isValid(position);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
