using System.Collections.Concurrent;

namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// Members of only-growing sets that this replica has seen stored, so it need not add them again.
/// A cap instead of an eviction policy: forgetting costs one read, never correctness.
/// </summary>
public sealed class KnownMembers(int capacity)
{
    private readonly ConcurrentDictionary<string, byte> _stored = new(StringComparer.Ordinal);

    public bool Contains(string member) => _stored.ContainsKey(member);

    public void Remember(IEnumerable<string> members)
    {
        if (_stored.Count >= capacity)
        {
            _stored.Clear();
        }

        foreach (var member in members)
        {
            _stored.TryAdd(member, 0);
        }
    }
}
