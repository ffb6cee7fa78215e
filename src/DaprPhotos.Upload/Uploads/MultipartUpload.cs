using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DaprPhotos.Upload.Uploads;

/// <summary>
/// Walks a multipart/form-data body section by section without buffering it: text fields are
/// collected (each capped), and the one <c>file</c> section is handed to a callback as a stream.
/// </summary>
public static class MultipartUpload
{
    private const int MaxFieldBytes = 64 * 1024;

    public sealed record Parts(
        IReadOnlyDictionary<string, List<string>> Fields, string? FileName, bool HasFile);

    public static bool TryGetBoundary(string? contentType, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value ?? "";
        return boundary.Length > 0;
    }

    /// <summary>
    /// Reads every section; <paramref name="onFile"/> runs once, for the first <c>file</c> field.
    /// </summary>
    /// <returns>The fields, or an error when the form is malformed.</returns>
    public static async Task<(Parts? Parts, string? Error)> ReadAsync(
        string boundary,
        Stream body,
        Func<string, Stream, Task<bool>> onFile,
        CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body);
        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        string? fileName = null;
        var hasFile = false;

        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return (null, "Each part needs a Content-Disposition of form-data.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition() && name == "file" && !hasFile)
            {
                hasFile = true;
                var quotedName = disposition.FileNameStar.HasValue
                    ? disposition.FileNameStar
                    : disposition.FileName;
                fileName = HeaderUtilities.RemoveQuotes(quotedName).Value;
                if (!await onFile(fileName ?? "", section.Body))
                {
                    return (new Parts(fields, fileName, hasFile), null);
                }

                continue;
            }

            if (disposition.IsFileDisposition())
            {
                return (null, $"Only one file is accepted, in the field 'file'; got another in '{name}'.");
            }

            var value = await ReadFieldAsync(section.Body, cancellationToken);
            if (value is null)
            {
                return (null, $"The field '{name}' is longer than {MaxFieldBytes:N0} bytes.");
            }

            (fields.TryGetValue(name, out var values) ? values : fields[name] = []).Add(value);
        }

        return (new Parts(fields, fileName, hasFile), null);
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length
            && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled > MaxFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, filled);
    }
}
