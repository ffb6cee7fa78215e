namespace DaprPhotos.Testing.Resources;

/// <summary>A resource file daprd would refuse to load, with the file and the reason.</summary>
public sealed class DaprResourceException(string message, Exception? inner = null)
    : Exception(message, inner);
