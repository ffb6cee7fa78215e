using Google.Protobuf;

namespace DaprPhotos.Testing.State;

/// <summary>daprd's concurrency option as the store receives it: unspecified is not last-write.</summary>
public enum WriteConcurrency
{
    Unspecified,
    FirstWrite,
    LastWrite,
}

/// <summary>A value as a store keeps it, under its prefixed key.</summary>
public sealed record StoredState(
    ByteString Value, string ETag, bool WrittenFirstWrite, DateTimeOffset? ExpiresAt);

/// <summary>What a read returns: the value, its ETag and the store's response metadata.</summary>
public sealed record StateRead(ByteString Value, string ETag, IReadOnlyDictionary<string, string> Metadata);

/// <summary>One upsert or delete, with the stored (prefixed) key.</summary>
public abstract record StateOperation(string Key, string? ETag, WriteConcurrency Concurrency)
{
    /// <summary>daprd and the stores treat an empty ETag as no ETag.</summary>
    public bool HasETag => !string.IsNullOrEmpty(ETag);
}

/// <param name="Ttl">
/// The <c>ttlInSeconds</c> text as sent (or the component's default); each store parses it its own way.
/// </param>
public sealed record StateUpsert(
    string Key, ByteString Value, string? ETag, WriteConcurrency Concurrency, string? Ttl)
    : StateOperation(Key, ETag, Concurrency);

public sealed record StateDelete(string Key, string? ETag, WriteConcurrency Concurrency)
    : StateOperation(Key, ETag, Concurrency);

public enum StateErrorKind
{
    /// <summary>daprd maps it to Aborted (Internal inside a transaction).</summary>
    ETagMismatch,

    /// <summary>daprd maps it to InvalidArgument.</summary>
    ETagInvalid,

    /// <summary>Any other store error; daprd maps it to Internal.</summary>
    Failed,
}

/// <summary>An error as a state component reports it to daprd.</summary>
public sealed class StateStoreException(StateErrorKind kind, string message) : Exception(message)
{
    public StateErrorKind Kind { get; } = kind;

    /// <summary>The text daprd puts after the operation's own prefix.</summary>
    public string Detail => Kind switch
    {
        StateErrorKind.ETagMismatch => $"possible etag mismatch. error from state store: {Message}",
        StateErrorKind.ETagInvalid => $"invalid etag value: {Message}",
        _ => Message,
    };
}
