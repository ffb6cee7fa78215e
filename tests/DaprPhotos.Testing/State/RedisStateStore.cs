using System.Globalization;

namespace DaprPhotos.Testing.State;

/// <summary>
/// <c>state.redis</c>: integer ETags starting at 1, checked by a Lua script on the server.
/// An ETag on a missing key is accepted; last-write skips the check unless the key was written
/// first-write (a flag only a delete clears); a non-integer ETag is invalid. A transaction is a
/// MULTI/EXEC pipeline: a failed script does not undo the operations around it, and it never sets
/// the first-write flag. Reads return no TTL metadata.
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
        // Every ETag is parsed before the pipeline is sent, so a malformed one fails the whole call.
        foreach (var upsert in operations.OfType<StateUpsert>())
        {
            ScriptVersion(upsert);
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

    protected override void CheckUpsert(StateUpsert upsert, StoredState? current)
    {
        var version = ScriptVersion(upsert);
        if (current is null || current.ETag == version || (!current.WrittenFirstWrite && version == "0"))
        {
            return;
        }

        var error = $"failed to set key {upsert.Key}";
        throw upsert.HasETag
            ? new StateStoreException(StateErrorKind.ETagMismatch, error)
            : new StateStoreException(StateErrorKind.Failed, $"{error}: {error}");
    }

    protected override void CheckDelete(StateDelete removal, StoredState? current)
    {
        var version = removal.HasETag ? removal.ETag! : "0";
        if (current is null || current.ETag == version || version == "0")
        {
            return;
        }

        throw new StateStoreException(StateErrorKind.ETagMismatch, $"failed to delete {removal.Key}");
    }

    protected override string NextETag(StoredState? current) =>
        current is null ? "1" : (long.Parse(current.ETag, CultureInfo.InvariantCulture) + 1)
            .ToString(CultureInfo.InvariantCulture);

    // The script's HSET of "first-write" is sticky: a later last-write save does not clear it.
    protected override bool WrittenFirstWrite(StateUpsert upsert, StoredState? current) =>
        (upsert.Concurrency == WriteConcurrency.FirstWrite && !_inTransaction) || current?.WrittenFirstWrite == true;

    protected override IReadOnlyDictionary<string, string> ReadMetadata(StoredState item) =>
        new Dictionary<string, string>();

    // EXPIRE on a positive TTL, PERSIST on -1, and no TTL leaves the key's expiry as it was.
    protected override DateTimeOffset? ExpiryOf(StateUpsert upsert, StoredState? current) =>
        upsert.TtlSeconds switch
        {
            null => current?.ExpiresAt,
            > 0 and var seconds => Now.AddSeconds(seconds),
            _ => null,
        };

    /// <summary>The version the script compares: the ETag, or "0" for none or for last-write.</summary>
    private static string ScriptVersion(StateUpsert upsert)
    {
        if (!upsert.HasETag)
        {
            return "0";
        }

        if (!long.TryParse(upsert.ETag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            throw new StateStoreException(
                StateErrorKind.ETagInvalid, $"strconv.Atoi: parsing \"{upsert.ETag}\": invalid syntax");
        }

        return upsert.Concurrency == WriteConcurrency.LastWrite
            ? "0"
            : version.ToString(CultureInfo.InvariantCulture);
    }
}
