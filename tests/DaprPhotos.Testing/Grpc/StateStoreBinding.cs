using DaprPhotos.Testing.Resources;
using DaprPhotos.Testing.State;
using Grpc.Core;

namespace DaprPhotos.Testing.Grpc;

/// <summary>A state component as one sidecar sees it: its storage and this app's key prefix.</summary>
internal sealed record StateStoreBinding(ComponentSpec Component, StateStoreModel Store, string Prefix)
{
    public string Name => Component.Name;

    /// <summary>A component-wide <c>ttlInSeconds</c> (redis) used when a save names none.</summary>
    public string? DefaultTtl => Component.Type == "state.redis" ? Component.GetMetadata("ttlInSeconds") : null;

    /// <summary>The stored key; daprd refuses a key that contains the separator.</summary>
    public string StoredKey(string key) =>
        key.Contains(StateKeyPrefix.Separator, StringComparison.Ordinal)
            ? throw new RpcException(new Status(
                StatusCode.InvalidArgument, $"input key/keyPrefix '{key}' can't contain '{StateKeyPrefix.Separator}'"))
            : StateKeyPrefix.Apply(Prefix, key);
}
