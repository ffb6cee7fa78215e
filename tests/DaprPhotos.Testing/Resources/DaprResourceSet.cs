using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprPhotos.Testing.Resources;

/// <summary>
/// The resources one daprd loads from its resources path: components, resiliency policies and
/// declarative subscriptions. Other kinds (Configuration, HTTPEndpoint) are read by daprd from
/// elsewhere or not used here, so they are skipped.
/// </summary>
public sealed class DaprResourceSet
{
    private DaprResourceSet(
        IReadOnlyList<ComponentSpec> components,
        IReadOnlyList<ResiliencySpec> resiliencies,
        IReadOnlyList<SubscriptionSpec> subscriptions,
        string directory)
    {
        Components = components;
        Resiliencies = resiliencies;
        Subscriptions = subscriptions;
        Directory = directory;
    }

    public IReadOnlyList<ComponentSpec> Components { get; }

    public IReadOnlyList<ResiliencySpec> Resiliencies { get; }

    public IReadOnlyList<SubscriptionSpec> Subscriptions { get; }

    public string Directory { get; }

    /// <summary>The repository's own <c>components/</c> folder, found above the test output folder.</summary>
    public static DaprResourceSet FromRepository(string folder = "components") =>
        Load(Path.Combine(RepositoryRoot.Find(), folder));

    public static DaprResourceSet Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DaprResourceException($"resources path {directory} does not exist");
        }

        var components = new List<ComponentSpec>();
        var resiliencies = new List<ResiliencySpec>();
        var subscriptions = new List<SubscriptionSpec>();
        var files = System.IO.Directory.EnumerateFiles(directory)
            .Where(file => file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

        foreach (var file in files)
        {
            foreach (var document in YamlDocuments.ReadAll(file))
            {
                var header = YamlDocuments.Bind<ResourceHeader>(document, file);
                switch (header.Kind)
                {
                    case "Component":
                        components.Add(ReadComponent(header, document, file));
                        break;
                    case "Resiliency":
                        var resiliency = YamlDocuments.Bind<ResiliencySpec>(document, file);
                        resiliency.SourceFile = file;
                        resiliencies.Add(resiliency);
                        break;
                    case "Subscription":
                        subscriptions.Add(ReadSubscription(header, document, file));
                        break;
                }
            }
        }

        RejectDuplicateNames(components);
        return new DaprResourceSet(components, resiliencies, subscriptions, directory);
    }

    public ComponentSpec? FindComponent(string name) =>
        Components.FirstOrDefault(component => component.Name == name);

    private static ComponentSpec ReadComponent(ResourceHeader header, JsonObject document, string file)
    {
        var body = YamlDocuments.Bind<ComponentDocument>(document, file).Spec;
        if (string.IsNullOrEmpty(header.Metadata.Name) || string.IsNullOrEmpty(body.Type))
        {
            throw new DaprResourceException($"{file}: a component needs metadata.name and spec.type");
        }

        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in body.Metadata ?? [])
        {
            if (!string.IsNullOrEmpty(item.Name))
            {
                metadata[item.Name] = item.Value.ValueKind switch
                {
                    JsonValueKind.String => item.Value.GetString() ?? "",
                    JsonValueKind.Undefined or JsonValueKind.Null => "",
                    _ => item.Value.GetRawText(),
                };
            }
        }

        return new ComponentSpec(
            header.Metadata.Name, body.Type, body.Version ?? "v1", metadata, header.Scopes, file);
    }

    private static SubscriptionSpec ReadSubscription(ResourceHeader header, JsonObject document, string file)
    {
        var body = YamlDocuments.Bind<SubscriptionDocument>(document, file).Spec;
        if (string.IsNullOrEmpty(body.PubsubName) || string.IsNullOrEmpty(body.Topic))
        {
            throw new DaprResourceException($"{file}: a subscription needs spec.pubsubname and spec.topic");
        }

        var rules = SubscriptionRoutes.Build(
            body.Routes?.Rules?.Select(rule => new RouteRule(rule.Match, rule.Path ?? "")),
            body.Routes?.Default,
            body.Route);
        return new SubscriptionSpec(
            body.PubsubName,
            body.Topic,
            rules,
            string.IsNullOrEmpty(body.DeadLetterTopic) ? null : body.DeadLetterTopic,
            body.Metadata ?? [],
            header.Scopes);
    }

    private static void RejectDuplicateNames(List<ComponentSpec> components)
    {
        var duplicate = components.GroupBy(component => component.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var files = string.Join(", ", duplicate.Select(component => component.SourceFile));
            throw new DaprResourceException($"component {duplicate.Key} is defined more than once: {files}");
        }
    }
}
