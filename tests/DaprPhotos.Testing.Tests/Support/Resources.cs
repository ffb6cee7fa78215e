using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Tests.Support;

/// <summary>Writes resource YAML for one test into a folder of its own and loads it as daprd would.</summary>
internal static class Resources
{
    public static DaprResourceSet Load(params string[] documents) => DaprResourceSet.Load(Write(documents));

    public static string Write(params string[] documents)
    {
        var folder = Directory.CreateTempSubdirectory("daprphotos-resources-").FullName;
        for (var i = 0; i < documents.Length; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"resource{i:00}.yaml"), documents[i]);
        }

        return folder;
    }

    public static string Component(string name, string type, string metadata = "", string scopes = "") => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: {type}
          version: v1
          metadata:
        {Indent(metadata, 4)}
        {(scopes.Length == 0 ? "" : "scopes:\n" + Indent(scopes, 2))}
        """;

    public static string RedisPubSub(string name = "pubsub", string metadata = "") =>
        Component(name, "pubsub.redis", "- name: redisHost\n  value: localhost:6379\n" + metadata);

    public static string RedisState(string name = "statestore", string metadata = "", string scopes = "") =>
        Component(name, "state.redis", "- name: redisHost\n  value: localhost:6379\n" + metadata, scopes);

    public static string InMemoryState(string name = "statestore", string metadata = "") =>
        Component(name, "state.in-memory", metadata.Length == 0 ? "[]" : metadata);

    /// <summary>A resiliency resource whose pubsub inbound policy is the given retry spec.</summary>
    public static string InboundRetry(
        string retry, string pubsub = "pubsub", string extraPolicies = "", string inboundExtra = "") => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: test-resiliency
        spec:
          policies:
            retries:
              inboundRetry:
        {Indent(retry, 8)}
        {Indent(extraPolicies, 4)}
          targets:
            components:
              {pubsub}:
                inbound:
                  retry: inboundRetry
        {Indent(inboundExtra, 10)}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line =>
            line.Length == 0 ? line : new string(' ', spaces) + line));
}
