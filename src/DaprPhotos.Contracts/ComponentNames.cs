namespace DaprPhotos.Contracts;

/// <summary>The Dapr component names; each must match a <c>metadata.name</c> in components/.</summary>
public static class ComponentNames
{
    /// <summary>The one pub/sub broker every service publishes to and subscribes through.</summary>
    public const string PubSub = "pubsub";

    /// <summary>Upload's store: photo records, idempotency keys, listings and workflow state.</summary>
    public const string Photos = "photos";

    /// <summary>
    /// Immutable photo bytes shared by key (<c>keyPrefix: name</c>); events carry keys, not bytes.
    /// </summary>
    public const string Blobs = "blobs";

    /// <summary>Indexing's store: search documents and the inverted index.</summary>
    public const string Index = "index";
}
