using System.Globalization;

namespace DaprPhotos.Testing.State;

/// <summary>
/// <c>state.redis</c>: integer ETags starting at 1, checked by a Lua script on the server.
/// An ETag on a missing key is accepted; last-write skips the check unless the key was written
/// first-write (a flag only a delete clears); a non-integer ETag is invalid. A transaction is a
/// MULTI/EXEC pipeline: a failed script does not undo the operations around it, and it never sets
/// the first-write flag. Reads return no TTL metadata, and a save without a TTL keeps the old one.
/// </summary>
public sealed class RedisStateStore(TimeProvider time) : StateStoreModel(time)
{
    private bool _inTransaction;

    public override void Transact(IReadOnlyList<StateOperation> operations)
    {
        lock (Sync)
        {
            _inTransaction = true;
            try
            {
                TransactLocked(operations);
            }
            finally
            {
                _inTransaction = false;
            }
        }
    }

    private void TransactLocked(IReadOnlyList<StateOperation> operations)
    {
        // ETags and TTLs are parsed while the pipeline is built, so a malformed one fails the whole call.
        foreach (var upsert in operations.OfType<StateUpsert>())
        {
            ScriptVersion(upsert);
            ParseTtl(upsert);
        }

        StateStoreException? firstFailure = null;
        foreach (var operation in operations)
        {
            try
            {
                ApplyLocked(operation);
            }
            catch (StateStoreException ex)
            {
                firstFailure ??= ex;
            }
        }

        if (firstFailure is not null)
        {
            throw firstFailure;
        }
    }

    protected override long? CheckUpsert(StateUpsert upsert, StoredState? current)
    {
        var version = ScriptVersion(upsert);
        var ttl = ParseTtl(upsert);
        if (current is null || current.ETag == version || (!current.WrittenFirstWrite && version == "0"))
        {
            return ttl;
        }

        // EXEC hands back the script's own error; Set wraps it as an ETag error only if one was sent.
        var error = $"failed to set key {upsert.Key}";
        throw _inTransaction ? new StateStoreException(StateErrorKind.Failed, error)
            : upsert.HasETag ? new StateStoreException(StateErrorKind.ETagMismatch, error)
            : new StateStoreException(StateErrorKind.Failed, $"{error}: {error}");
    }

    protected override void CheckDelete(StateDelete removal, StoredState? current)
    {
        var version = removal.HasETag ? removal.ETag! : "0";
        if (current is null || current.ETag == version || version == "0")
        {
            return;
        }

        var error = $"failed to delete {removal.Key}";
        var kind = _inTransaction ? StateErrorKind.Failed : StateErrorKind.ETagMismatch;
        throw new StateStoreException(kind, error);
    }

    protected override string NextETag(StoredState? current) =>
        current is null ? "1" : (long.Parse(current.ETag, CultureInfo.InvariantCulture) + 1)
            .ToString(CultureInfo.InvariantCulture);

    // The script's HSET of "first-write" is sticky: a later last-write save does not clear it.
    protected override bool WrittenFirstWrite(StateUpsert upsert, StoredState? current) =>
        (upsert.Concurrency == WriteConcurrency.FirstWrite && !_inTransaction)
        || current?.WrittenFirstWrite == true;

    protected override IReadOnlyDictionary<string, string> ReadMetadata(StoredState item) =>
        new Dictionary<string, string>();

    // EXPIRE on a positive TTL, PERSIST on 0 or -1, and no TTL leaves the key's expiry as it was.
    protected override DateTimeOffset? ExpiryOf(long? ttlSeconds, StoredState? current) =>
        ttlSeconds switch
        {
            null => current?.ExpiresAt,
            > 0 and var seconds => Now.AddSeconds(seconds),
            _ => null,
        };

    private static long? ParseTtl(StateUpsert upsert)
    {
        if (string.IsNullOrEmpty(upsert.Ttl))
        {
            return null;
        }

        return TryParseGoInteger(upsert.Ttl, out var seconds)
            ? seconds
            : throw new StateStoreException(
                StateErrorKind.Failed,
                $"failed to parse ttl from metadata: strconv.ParseInt: parsing \"{upsert.Ttl}\": "
                + "invalid syntax");
    }

    /// <summary>
    /// parseETag: the version the script compares, "0" for none or for last-write (which never
    /// looks at the ETag, so even a malformed one passes).
    /// </summary>
    private static string ScriptVersion(StateUpsert upsert)
    {
        if (upsert.Concurrency == WriteConcurrency.LastWrite || !upsert.HasETag)
        {
            return "0";
        }

        return TryParseGoInteger(upsert.ETag!, out var version)
            ? version.ToString(CultureInfo.InvariantCulture)
            : throw new StateStoreException(
                StateErrorKind.ETagInvalid, $"strconv.Atoi: parsing \"{upsert.ETag}\": invalid syntax");
    }
}
