using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.State;

/// <summary>
/// How daprd prefixes state keys per component (<c>keyPrefix</c> metadata): by default each app id
/// sees only its own keys; <c>name</c> shares them between the apps that load the component.
/// </summary>
public static class StateKeyPrefix
{
    public const string Separator = "||";

    /// <summary>The prefix for one app, or an empty string when keys are stored as they are.</summary>
    public static string For(ComponentSpec store, string appId, string? @namespace = null)
    {
        var strategy = store.GetMetadata("keyPrefix");
        var prefix = strategy?.ToLowerInvariant() switch
        {
            null or "" or "appid" => appId,
            "name" => store.Name,
            "none" => "",
            "namespace" => string.IsNullOrEmpty(@namespace) ? appId : $"{@namespace}.{appId}",
            _ => strategy,
        };

        if (prefix.Contains(Separator, StringComparison.Ordinal))
        {
            throw new DaprResourceException(
                $"{store.SourceFile}: keyPrefix of state store {store.Name} must not contain {Separator}");
        }

        return prefix;
    }

    public static string Apply(string prefix, string key) =>
        prefix.Length == 0 ? key : $"{prefix}{Separator}{key}";

    /// <summary>The key as daprd returns it in bulk results: the part after the first separator.</summary>
    public static string Strip(string storedKey)
    {
        var parts = storedKey.Split(Separator, 3);
        return parts.Length > 1 ? parts[1] : parts[0];
    }
}
