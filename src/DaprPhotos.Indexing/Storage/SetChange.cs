using System.Text.Json;
using DaprPhotos.ServiceDefaults;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// A set operation on the set stored under <see cref="Key"/>. Applying it twice changes nothing the
/// second time, which is what makes a retried or partly applied write safe.
/// </summary>
public abstract record SetChange(string Key)
{
    /// <summary>The set's new JSON, or null when the stored set already reflects the change.</summary>
    public abstract byte[]? Apply(string? storedJson);

    protected static List<T> Read<T>(string? storedJson) =>
        string.IsNullOrEmpty(storedJson)
            ? []
            : JsonSerializer.Deserialize<List<T>>(storedJson, DaprPhotosJson.SerializerOptions) ?? [];

    protected static byte[] Write<T>(List<T> set) =>
        JsonSerializer.SerializeToUtf8Bytes(set, DaprPhotosJson.SerializerOptions);
}

/// <summary>Puts the photo's entry in a posting list, replacing an older entry of the photo.</summary>
public sealed record AddPosting(string Key, PostingEntry Entry) : SetChange(Key)
{
    public override byte[]? Apply(string? storedJson)
    {
        var entries = Read<PostingEntry>(storedJson);
        var index = entries.FindIndex(entry => entry.PhotoId == Entry.PhotoId);
        if (index >= 0 && entries[index] == Entry)
        {
            return null;
        }

        if (index >= 0)
        {
            entries[index] = Entry;
        }
        else
        {
            entries.Add(Entry);
        }

        return Write(entries);
    }
}

/// <summary>Takes the photo out of a posting list.</summary>
public sealed record RemovePosting(string Key, string PhotoId) : SetChange(Key)
{
    public override byte[]? Apply(string? storedJson)
    {
        var entries = Read<PostingEntry>(storedJson);
        return entries.RemoveAll(entry => entry.PhotoId == PhotoId) > 0 ? Write(entries) : null;
    }
}

/// <summary>
/// Adds strings to a sorted set: words to a vocabulary bucket (so a prefix's words are adjacent),
/// segments to a term's listing.
/// </summary>
public sealed record AddMembers(string Key, IReadOnlyCollection<string> Members) : SetChange(Key)
{
    public override byte[]? Apply(string? storedJson)
    {
        var members = Read<string>(storedJson);
        var missing = Members.Where(member => members.BinarySearch(member, StringComparer.Ordinal) < 0)
            .Distinct()
            .ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        members.AddRange(missing);
        members.Sort(StringComparer.Ordinal);
        return Write(members);
    }
}
