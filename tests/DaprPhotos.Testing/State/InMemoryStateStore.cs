namespace DaprPhotos.Testing.State;

/// <summary>
/// <c>state.in-memory</c>: UUID ETags; a non-empty ETag is always checked (a missing key is a
/// mismatch); first-write without an ETag is create-only; every save replaces the TTL; transactions
/// validate every operation before applying any.
/// </summary>
public sealed class InMemoryStateStore(TimeProvider time) : StateStoreModel(time)
{
    public override void Transact(IReadOnlyList<StateOperation> operations)
    {
        lock (Sync)
        {
            // Multi parses every TTL, then checks every ETag, and only then writes.
            foreach (var upsert in operations.OfType<StateUpsert>())
            {
                ParseTtl(upsert);
            }

            foreach (var operation in operations)
            {
                Check(operation, Find(operation.Key));
            }

            foreach (var operation in operations)
            {
                ApplyLocked(operation);
            }
        }
    }

    protected override long? CheckUpsert(StateUpsert upsert, StoredState? current)
    {
        var ttl = ParseTtl(upsert);
        Check(upsert, current);
        return ttl;
    }

    protected override void CheckDelete(StateDelete removal, StoredState? current) => Check(removal, current);

    protected override string NextETag(StoredState? current) => Guid.NewGuid().ToString();

    // doParseTTLInSeconds: strconv.Atoi, a negative TTL is no TTL.
    private static long ParseTtl(StateUpsert upsert)
    {
        if (string.IsNullOrEmpty(upsert.Ttl))
        {
            return 0;
        }

        return TryParseGoInteger(upsert.Ttl, out var seconds)
            ? Math.Max(seconds, 0)
            : throw new StateStoreException(
                StateErrorKind.Failed, $"strconv.Atoi: parsing \"{upsert.Ttl}\": invalid syntax");
    }

    private static void Check(StateOperation operation, StoredState? current)
    {
        if (operation.Concurrency == WriteConcurrency.FirstWrite && !operation.HasETag)
        {
            if (current is not null)
            {
                throw Mismatch("item already exists and no etag was passed");
            }

            return;
        }

        if (operation.HasETag)
        {
            if (current is null)
            {
                throw Mismatch($"state not exist or expired for key={operation.Key}");
            }

            if (current.ETag != operation.ETag)
            {
                throw Mismatch(
                    $"state etag not match for key={operation.Key}: "
                    + $"current={current.ETag}, expect={operation.ETag}");
            }
        }
    }

    private static StateStoreException Mismatch(string detail) => new(StateErrorKind.ETagMismatch, detail);
}
