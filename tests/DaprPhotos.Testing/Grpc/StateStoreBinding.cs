using DaprPhotos.Testing.Resources;
using DaprPhotos.Testing.State;
using Google.Protobuf.Collections;
using Grpc.Core;

namespace DaprPhotos.Testing.Grpc;

/// <summary>A state component as one sidecar sees it: its storage and this app's key prefix.</summary>
internal sealed record StateStoreBinding(ComponentSpec Component, StateStoreModel Store, string Prefix)
{
    public string Name => Component.Name;

    /// <summary>The stored key; daprd refuses a key that contains the separator.</summary>
    public string StoredKey(string key) =>
        key.Contains(StateKeyPrefix.Separator, StringComparison.Ordinal)
            ? throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"input key/keyPrefix '{key}' can't contain '{StateKeyPrefix.Separator}'"))
            : StateKeyPrefix.Apply(Prefix, key);

    /// <summary>
    /// The <c>ttlInSeconds</c> a save carries: its own if not empty, else (redis only) the
    /// component-wide one. The store parses it, in its own order and with its own errors.
    /// </summary>
    public string? Ttl(MapField<string, string> metadata) =>
        metadata.TryGetValue("ttlInSeconds", out var own) && own.Length > 0 ? own
        : Component.Type == "state.redis" ? Component.GetMetadata("ttlInSeconds")
        : null;
}
