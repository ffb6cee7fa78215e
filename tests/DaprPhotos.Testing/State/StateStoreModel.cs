using System.Globalization;

namespace DaprPhotos.Testing.State;

/// <summary>
/// The storage behind one state component, shared by every sidecar that loads it (like a Redis
/// server). Subclasses reproduce their component's ETag and TTL rules, which differ between stores.
/// </summary>
public abstract class StateStoreModel(TimeProvider time)
{
    private readonly Dictionary<string, StoredState> _items = new(StringComparer.Ordinal);

    protected object Sync { get; } = new();

    /// <summary>
    /// Whether <c>ExecuteStateTransaction</c> is served (daprd answers Unimplemented if not).
    /// </summary>
    public virtual bool SupportsTransactions => true;

    /// <summary>The stored keys, with their prefixes, for tests that look behind the API.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (Sync)
            {
                RemoveExpired();
                return [.. _items.Keys];
            }
        }
    }

    public StateRead? Get(string key)
    {
        lock (Sync)
        {
            var item = Find(key);
            return item is null ? null : new StateRead(item.Value, item.ETag, ReadMetadata(item));
        }
    }

    public void Apply(StateOperation operation)
    {
        lock (Sync)
        {
            ApplyLocked(operation);
        }
    }

    /// <summary>Applies a transaction the way the component does (atomically or not).</summary>
    public abstract void Transact(IReadOnlyList<StateOperation> operations);

    /// <summary>
    /// Saves an existing key again with its own value, as another client would: its ETag advances,
    /// its expiry and first-write flag stay. <paramref name="when"/> is asked only if the key exists,
    /// under the store's lock, so nobody can delete the key in between.
    /// </summary>
    /// <returns>Whether the key was rewritten.</returns>
    public bool Touch(string key, Func<bool> when)
    {
        lock (Sync)
        {
            if (Find(key) is not { } current || !when())
            {
                return false;
            }

            _items[key] = current with { ETag = NextETag(current) };
            return true;
        }
    }

    protected void ApplyLocked(StateOperation operation)
    {
        var current = Find(operation.Key);
        switch (operation)
        {
            case StateUpsert upsert:
                var ttlSeconds = CheckUpsert(upsert, current);
                _items[upsert.Key] = new StoredState(
                    upsert.Value,
                    NextETag(current),
                    WrittenFirstWrite(upsert, current),
                    ExpiryOf(ttlSeconds, current));
                break;
            case StateDelete delete:
                CheckDelete(delete, current);
                _items.Remove(delete.Key);
                break;
        }
    }

    protected StoredState? Find(string key)
    {
        if (!_items.TryGetValue(key, out var item))
        {
            return null;
        }

        if (item.ExpiresAt is { } expiry && expiry <= Now)
        {
            _items.Remove(key);
            return null;
        }

        return item;
    }

    /// <summary>Validates a save in the component's order and returns its parsed TTL in seconds.</summary>
    protected abstract long? CheckUpsert(StateUpsert upsert, StoredState? current);

    protected abstract void CheckDelete(StateDelete removal, StoredState? current);

    protected abstract string NextETag(StoredState? current);

    protected virtual bool WrittenFirstWrite(StateUpsert upsert, StoredState? current) =>
        upsert.Concurrency == WriteConcurrency.FirstWrite;

    protected virtual IReadOnlyDictionary<string, string> ReadMetadata(StoredState item) =>
        item.ExpiresAt is { } expiry
            ? new Dictionary<string, string> { ["ttlExpireTime"] = FormatExpiry(expiry) }
            : new Dictionary<string, string>();

    protected static string FormatExpiry(DateTimeOffset expiry) =>
        expiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Every save replaces the item: a positive TTL expires it, anything else never does.</summary>
    protected virtual DateTimeOffset? ExpiryOf(long? ttlSeconds, StoredState? current) =>
        ttlSeconds is > 0 and var seconds ? Now.AddSeconds(seconds) : null;

    /// <summary>Go's strconv parsing: an optional sign and digits, no spaces.</summary>
    protected static bool TryParseGoInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    protected DateTimeOffset Now => time.GetUtcNow();

    private void RemoveExpired()
    {
        foreach (var key in _items.Keys.ToList())
        {
            Find(key);
        }
    }
}
