using DaprPhotos.Imaging;

namespace DaprPhotos.Upload.Uploads;

/// <summary>
/// A client's file name made safe to store and to send back in Content-Disposition: no path,
/// no control or quote characters, bounded length, and the extension of the real format.
/// </summary>
public static class SafeFileName
{
    private const int MaxLength = 120;

    public static string From(string? clientName, PhotoFormat format)
    {
        var name = Path.GetFileNameWithoutExtension((clientName ?? "").Replace('\\', '/').Split('/')[^1]);
        var safe = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or ';' or '\\'))])
            .Trim();
        if (safe.Length == 0)
        {
            safe = "photo";
        }

        return (safe.Length > MaxLength ? safe[..MaxLength] : safe) + format.Extension;
    }
}
