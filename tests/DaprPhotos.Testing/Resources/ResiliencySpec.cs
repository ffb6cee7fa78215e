namespace DaprPhotos.Testing.Resources;

/// <summary>One <c>kind: Resiliency</c> resource: named policies and the targets that use them.</summary>
public sealed class ResiliencySpec
{
    public ResourceMetadata Metadata { get; init; } = new();

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public ResiliencyBody Spec { get; init; } = new();

    public string SourceFile { get; set; } = "";

    public bool AppliesTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId);
}

public sealed class ResourceMetadata
{
    public string Name { get; init; } = "";
}

public sealed class ResiliencyBody
{
    public ResiliencyPolicies Policies { get; init; } = new();

    public ResiliencyTargets Targets { get; init; } = new();
}

public sealed class ResiliencyPolicies
{
    public Dictionary<string, string> Timeouts { get; init; } = [];

    public Dictionary<string, RetrySpec> Retries { get; init; } = [];

    public Dictionary<string, CircuitBreakerSpec> CircuitBreakers { get; init; } = [];
}

/// <summary>A retry policy exactly as written; <see cref="RetryPolicy"/> applies daprd's defaults.</summary>
public sealed class RetrySpec
{
    public string? Policy { get; init; }

    public string? Duration { get; init; }

    public string? MaxInterval { get; init; }

    public int? MaxRetries { get; init; }

    public RetryMatchingSpec? Matching { get; init; }
}

public sealed class RetryMatchingSpec
{
    public string? HttpStatusCodes { get; init; }

    public string? GRPCStatusCodes { get; init; }
}

public sealed class CircuitBreakerSpec
{
    public int? MaxRequests { get; init; }

    public string? Interval { get; init; }

    public string? Timeout { get; init; }

    public string? Trip { get; init; }
}

public sealed class ResiliencyTargets
{
    public Dictionary<string, ComponentPolicyTargets> Components { get; init; } = [];

    public Dictionary<string, PolicyNames> Apps { get; init; } = [];
}

public sealed class ComponentPolicyTargets
{
    public PolicyNames? Inbound { get; init; }

    public PolicyNames? Outbound { get; init; }
}

public sealed class PolicyNames
{
    public string? Timeout { get; init; }

    public string? Retry { get; init; }

    public string? CircuitBreaker { get; init; }
}
