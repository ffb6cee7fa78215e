using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.State;

/// <summary>
/// How daprd prefixes state keys per component (<c>keyPrefix</c> metadata, name and value
/// case-insensitive): by default each app id sees only its own keys; <c>name</c> shares them
/// between the apps that load the component; any other value is a literal, lowercased prefix.
/// </summary>
public static class StateKeyPrefix
{
    public const string Separator = "||";

    /// <summary>
    /// What goes in front of each key for one app, separator included (empty when keys are stored
    /// as they are). daprd lowercases the value and refuses one containing the separator at start.
    /// </summary>
    public static string For(ComponentSpec store, string appId, string? @namespace = null)
    {
        // A keyPrefix written with an empty value is not the default: daprd keeps "" as a literal
        // prefix, so keys are stored as "||key".
        var strategy = store.GetMetadata("keyPrefix")?.ToLowerInvariant() ?? "appid";
        if (strategy.Contains(Separator, StringComparison.Ordinal))
        {
            throw new DaprResourceException(
                $"{store.SourceFile}: failed to save lock keyprefix: input key/keyPrefix '{strategy}' "
                + $"can't contain '{Separator}' (state store {store.Name}; daprd exits)");
        }

        var prefix = strategy switch
        {
            "appid" => appId,
            "name" => store.Name,
            "none" => null,
            "namespace" => string.IsNullOrEmpty(@namespace) ? appId : $"{@namespace}.{appId}",
            _ => strategy,
        };
        return prefix is null ? "" : prefix + Separator;
    }

    public static string Apply(string prefix, string key) => prefix + key;

    /// <summary>The key as daprd returns it in bulk results: the part after the first separator.</summary>
    public static string Strip(string storedKey)
    {
        var parts = storedKey.Split(Separator, 3);
        return parts.Length > 1 ? parts[1] : parts[0];
    }
}
