namespace DaprPhotos.Indexing.Storage;

/// <summary>
/// Index writes kept meeting newer versions (or a failing store) for longer than the configured
/// attempts: transient, so the message is retried later.
/// </summary>
public sealed class IndexConflictException(string message) : Exception(message);
