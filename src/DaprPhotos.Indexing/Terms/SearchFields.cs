namespace DaprPhotos.Indexing.Terms;

/// <summary>Where in the photo a word was found; the relevance of a match depends on it.</summary>
[Flags]
public enum SearchFields
{
    None = 0,
    Title = 1,
    Tags = 2,
    FileName = 4,
    Description = 8,
}

public static class SearchFieldWeights
{
    public const int Highest = 8;

    /// <summary>A title word counts most, then a tag, the file name, and the description least.</summary>
    public static int Best(SearchFields fields) =>
        fields.HasFlag(SearchFields.Title) ? Highest
        : fields.HasFlag(SearchFields.Tags) ? 6
        : fields.HasFlag(SearchFields.FileName) ? 4
        : fields.HasFlag(SearchFields.Description) ? 2
        : 0;
}
