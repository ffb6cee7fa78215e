using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Resiliency;

/// <summary>The policies daprd wraps around one component call: retry, then breaker, then timeout.</summary>
public sealed record PolicySet(RetryPolicy? Retry, TimeSpan? Timeout, CircuitBreaker? Breaker)
{
    public static PolicySet None { get; } = new(null, null, null);
}

/// <summary>
/// Resolves policies the way daprd does: a component named under <c>targets.components</c> gets
/// exactly what that entry names (nothing if the direction is missing); any other component gets
/// the user-defined <c>Default…Policy</c> names, most specific first. There is no built-in retry
/// for components: without a Resiliency resource every call is tried once.
/// </summary>
internal static class ComponentPolicies
{
    public static PolicySet Resolve(
        IEnumerable<ResiliencySpec> resiliencies,
        string appId,
        ComponentSpec component,
        bool inbound,
        TimeProvider time)
    {
        var inScope = resiliencies.Where(resiliency => resiliency.AppliesTo(appId)).ToList();
        var direction = inbound ? "Inbound" : "Outbound";

        foreach (var resiliency in inScope)
        {
            if (resiliency.Spec.Targets.Components.TryGetValue(component.Name, out var target))
            {
                var names = inbound ? target.Inbound : target.Outbound;
                return names is null ? PolicySet.None : Build(resiliency, names, time);
            }
        }

        var kind = component.IsPubSub ? "Pubsub" : "State";
        string[] levels = [$"{kind}Component{direction}", $"Component{direction}", "Component", ""];
        foreach (var resiliency in inScope)
        {
            var policies = resiliency.Spec.Policies;
            var retry = levels
                .Select(level => $"Default{level}RetryPolicy")
                .FirstOrDefault(policies.Retries.ContainsKey);
            var timeout = levels
                .Select(level => $"Default{level}TimeoutPolicy")
                .FirstOrDefault(policies.Timeouts.ContainsKey);
            var breaker = levels
                .Select(level => $"Default{level}CircuitBreakerPolicy")
                .FirstOrDefault(policies.CircuitBreakers.ContainsKey);
            if (retry is not null || timeout is not null || breaker is not null)
            {
                var names = new PolicyNames { Retry = retry, Timeout = timeout, CircuitBreaker = breaker };
                return Build(resiliency, names, time);
            }
        }

        return PolicySet.None;
    }

    private static PolicySet Build(ResiliencySpec resiliency, PolicyNames names, TimeProvider time)
    {
        var policies = resiliency.Spec.Policies;
        return new PolicySet(
            names.Retry is null
                ? null
                : RetryPolicy.From(names.Retry, Find(policies.Retries, names.Retry, resiliency)),
            names.Timeout is null
                ? null
                : GoDuration.Parse(Find(policies.Timeouts, names.Timeout, resiliency), names.Timeout),
            names.CircuitBreaker is null
                ? null
                : new CircuitBreaker(
                    names.CircuitBreaker,
                    Find(policies.CircuitBreakers, names.CircuitBreaker, resiliency),
                    time));
    }

    private static T Find<T>(Dictionary<string, T> policies, string name, ResiliencySpec resiliency) =>
        policies.TryGetValue(name, out var policy)
            ? policy
            : throw new DaprResourceException(
                $"{resiliency.SourceFile}: target names policy {name}, which is not defined");
}
