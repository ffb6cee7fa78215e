namespace DaprPhotos.Testing.State;

/// <summary>
/// <c>state.in-memory</c>: UUID ETags; a non-empty ETag is always checked (a missing key is a
/// mismatch); first-write without an ETag is create-only; transactions validate every operation
/// before applying any.
/// </summary>
public sealed class InMemoryStateStore(TimeProvider time) : StateStoreModel(time)
{
    public override void Transact(IReadOnlyList<StateOperation> operations)
    {
        lock (Sync)
        {
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

    protected override void CheckUpsert(StateUpsert upsert, StoredState? current) => Check(upsert, current);

    protected override void CheckDelete(StateDelete removal, StoredState? current) => Check(removal, current);

    protected override string NextETag(StoredState? current) => Guid.NewGuid().ToString();

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
                throw Mismatch("item does not exist");
            }

            if (current.ETag != operation.ETag)
            {
                throw Mismatch("etag does not match");
            }
        }
    }

    private static StateStoreException Mismatch(string detail) => new(StateErrorKind.ETagMismatch, detail);
}
