namespace DaprPhotos.Thumbnails.Storage;

/// <summary>Other writers kept changing a photo's stored sets: a transient fault, for a retry.</summary>
public sealed class StoredSetsConflictException(string message) : Exception(message);
