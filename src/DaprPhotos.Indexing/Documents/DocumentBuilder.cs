using System.Text.RegularExpressions;
using DaprPhotos.Contracts.Events;
using DaprPhotos.Indexing.Storage;
using DaprPhotos.Indexing.Terms;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Indexing.Documents;

/// <summary>
/// Turns <c>photo-thumbnailed</c> into the photo's search document and the entry it gets in each
/// term's posting list: its words (title, tags, file name, description), tags, camera words, shape,
/// year taken and map cells.
/// </summary>
public sealed partial class DocumentBuilder(IOptions<IndexingOptions> options)
{
    public BuiltDocument Build(PhotoThumbnailed thumbnailed)
    {
        var document = Document(thumbnailed);
        var uploadedMs = document.UploadedAt.ToUnixTimeMilliseconds();
        var takenMs = document.TakenAt?.ToUnixTimeMilliseconds();
        PostingEntry Entry(SearchFields fields = SearchFields.None) =>
            new(document.PhotoId, uploadedMs, takenMs, fields);

        var words = WordsByField(document)
            .OrderByDescending(word => SearchFieldWeights.Best(word.Value))
            .Take(options.Value.MaxWordsPerPhoto)
            .ToList();
        var entries = words.ToDictionary(word => IndexTerms.Word(word.Key), word => Entry(word.Value));
        foreach (var tag in document.Tags.Select(IndexTerms.Tag).OfType<string>())
        {
            entries[tag] = Entry();
        }

        var camera = $"{document.CameraMake} {document.CameraModel}";
        foreach (var word in TextFolding.Words(camera).Distinct())
        {
            entries[IndexTerms.CameraWord(word)] = Entry();
        }

        entries[IndexTerms.Shape(document.Shape)] = Entry();
        if (document.TakenAt is { } takenAt)
        {
            entries[IndexTerms.TakenYear(takenAt.UtcDateTime.Year)] = Entry();
        }

        if (document is { Latitude: { } latitude, Longitude: { } longitude })
        {
            foreach (var cell in GeoGrid.CellsOf(latitude, longitude))
            {
                entries[cell] = Entry() with { Latitude = latitude, Longitude = longitude };
            }
        }

        var completable = words.Select(word => word.Key).Where(word => !TextFolding.IsNumber(word)).ToList();
        return new BuiltDocument(document, PostingSegment.Of(takenMs), entries, completable);
    }

    private static SearchDocument Document(PhotoThumbnailed thumbnailed)
    {
        if (!PhotoIdPattern().IsMatch(thumbnailed.PhotoId ?? ""))
        {
            throw new UnindexablePhotoException("The photo id is not one upload gives.");
        }

        var metadata = thumbnailed.Metadata
            ?? throw new UnindexablePhotoException("The event carries no metadata.");
        if (metadata.Width <= 0 || metadata.Height <= 0)
        {
            throw new UnindexablePhotoException(
                $"The photo's size {metadata.Width}x{metadata.Height} is not a size.");
        }

        var upload = thumbnailed.Upload;
        var shape = metadata.Width > metadata.Height ? PhotoShape.Landscape
            : metadata.Width < metadata.Height ? PhotoShape.Portrait
            : PhotoShape.Square;
        var hasPosition = metadata is { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 };
        return new SearchDocument(
            thumbnailed.PhotoId!,
            upload?.Title,
            upload?.Description,
            upload?.Tags ?? [],
            upload?.FileName,
            metadata.Format,
            metadata.Width,
            metadata.Height,
            metadata.Orientation,
            shape,
            metadata.TakenAt,
            upload?.UploadedAt ?? thumbnailed.OccurredAt,
            metadata.CameraMake,
            metadata.CameraModel,
            metadata.Lens,
            hasPosition ? metadata.Latitude : null,
            hasPosition ? metadata.Longitude : null,
            thumbnailed.Placeholder,
            [.. (thumbnailed.Renditions ?? []).Select(rendition => rendition.Name)]);
    }

    private static Dictionary<string, SearchFields> WordsByField(SearchDocument document)
    {
        var words = new Dictionary<string, SearchFields>(StringComparer.Ordinal);
        void Add(string? text, SearchFields field)
        {
            foreach (var word in TextFolding.Words(text))
            {
                words[word] = words.GetValueOrDefault(word) | field;
            }
        }

        Add(document.Title, SearchFields.Title);
        Add(string.Join(' ', document.Tags), SearchFields.Tags);
        Add(Path.GetFileNameWithoutExtension(document.FileName), SearchFields.FileName);
        Add(document.Description, SearchFields.Description);
        return words;
    }

    // Upload's ids are 32 hex digits; anything the sidecar could refuse as a key never gets that far.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex PhotoIdPattern();
}

/// <param name="Segment">The segment of every posting list the photo is posted in.</param>
/// <param name="Entries">Each term the photo is posted under, with the photo's entry in it.</param>
/// <param name="CompletableWords">Words a query's last word may complete to (no bare numbers).</param>
public sealed record BuiltDocument(
    SearchDocument Document,
    string Segment,
    IReadOnlyDictionary<string, PostingEntry> Entries,
    IReadOnlyList<string> CompletableWords);

/// <summary>The event can never be indexed, however often it is delivered.</summary>
public sealed class UnindexablePhotoException(string reason) : Exception(reason);
