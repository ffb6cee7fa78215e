using System.Text.Json;

namespace DaprPhotos.Testing.Resources;

// The shapes daprd binds resource YAML into; only the fields the test sidecar acts on.
internal sealed class ResourceHeader
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ResourceMetadata Metadata { get; init; } = new();

    public List<string> Scopes { get; init; } = [];
}

internal sealed class ComponentDocument
{
    public ComponentBody Spec { get; init; } = new();
}

internal sealed class ComponentBody
{
    public string? Type { get; init; }

    public string? Version { get; init; }

    public List<MetadataItem>? Metadata { get; init; }
}

internal sealed class MetadataItem
{
    public string? Name { get; init; }

    public JsonElement Value { get; init; }

    public JsonElement? SecretKeyRef { get; init; }
}

internal sealed class SubscriptionDocument
{
    public SubscriptionBody Spec { get; init; } = new();
}

internal sealed class SubscriptionBody
{
    public string? PubsubName { get; init; }

    public string? Topic { get; init; }

    public string? Route { get; init; }

    public RoutesBody? Routes { get; init; }

    public string? DeadLetterTopic { get; init; }

    public Dictionary<string, string>? Metadata { get; init; }
}

internal sealed class RoutesBody
{
    public List<RuleBody>? Rules { get; init; }

    public string? Default { get; init; }
}

internal sealed class RuleBody
{
    public string? Match { get; init; }

    public string? Path { get; init; }
}
