using System.Text.Json.Serialization;
using DaprPhotos.Indexing.Terms;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// One photo in one posting list, carrying what a query needs to filter, sort and score without
/// reading the photo's document: its times, where the word was found, and for a map cell the exact
/// position. Short property names: a popular term holds thousands of these.
/// </summary>
public sealed record PostingEntry(
    [property: JsonPropertyName("i")] string PhotoId,
    [property: JsonPropertyName("u")] long UploadedAtMs,
    [property: JsonPropertyName("t")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    long? TakenAtMs = null,
    [property: JsonPropertyName("f")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    SearchFields Fields = SearchFields.None,
    [property: JsonPropertyName("la")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    double? Latitude = null,
    [property: JsonPropertyName("lo")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    double? Longitude = null);
