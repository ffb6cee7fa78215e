using YamlDotNet.RepresentationModel;

namespace DaprPhotos.Configuration.Tests.Support;

/// <summary>Readers over YamlDotNet's node tree; keys compare exactly, as in Go's yaml packages.</summary>
public static class YamlNodes
{
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }

    public static IEnumerable<string> Keys(this YamlMappingNode node) =>
        node.Children.Keys.Select(key => ((YamlScalarNode)key).Value ?? "");

    public static YamlNode? Child(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Scalar(this YamlMappingNode node, string key) =>
        (node.Child(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Mapping(this YamlMappingNode node, string key) =>
        node.Child(key) as YamlMappingNode;

    public static IReadOnlyList<string> Scalars(this YamlMappingNode node, string key) =>
        node.Child(key) is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(item => item.Value ?? "").ToList()
            : [];

    /// <summary>A dotted path into nested mappings, such as <c>spec.tracing.samplingRate</c>.</summary>
    public static string? ScalarAt(this YamlMappingNode node, string dottedPath)
    {
        var parts = dottedPath.Split('.');
        var current = node;
        foreach (var part in parts[..^1])
        {
            current = current?.Mapping(part);
        }

        return current?.Scalar(parts[^1]);
    }

    /// <summary>
    /// Each scalar as a <c>path=value</c> line, leaving out the keys in <paramref name="skip"/>.
    /// </summary>
    public static IEnumerable<string> Flatten(YamlNode node, string path, IReadOnlySet<string> skip) =>
        node switch
        {
            YamlMappingNode map => map.Children
                .Select(pair => (Key: ((YamlScalarNode)pair.Key).Value ?? "", pair.Value))
                .Where(pair => !skip.Contains(pair.Key))
                .SelectMany(pair => Flatten(pair.Value, $"{path}.{pair.Key}", skip)),
            YamlSequenceNode list => list.Children
                .SelectMany((item, index) => Flatten(item, $"{path}[{index}]", skip)),
            YamlScalarNode scalar => [$"{path}={scalar.Value}"],
            _ => [],
        };
}
