using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DaprPhotos.Testing.Resources;

/// <summary>
/// Reads YAML the way daprd's loader does: each document is turned into JSON first and then
/// bound with case-insensitive field names, so <c>pubsubName</c> and <c>pubsubname</c> both bind.
/// </summary>
internal static class YamlDocuments
{
    private static readonly JsonSerializerOptions BindingOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
    };

    public static IReadOnlyList<JsonObject> ReadAll(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            try
            {
                stream.Load(reader);
            }
            catch (YamlException ex)
            {
                throw new DaprResourceException($"{path}: not valid YAML ({ex.Message})", ex);
            }
        }

        return stream.Documents
            .Select(document => ToJson(document.RootNode))
            .OfType<JsonObject>()
            .ToList();
    }

    public static T Bind<T>(JsonNode node, string path)
    {
        try
        {
            return node.Deserialize<T>(BindingOptions)
                ?? throw new DaprResourceException($"{path}: empty {typeof(T).Name}");
        }
        catch (JsonException ex)
        {
            throw new DaprResourceException($"{path}: {ex.Message}", ex);
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", ToJson(pair.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToJsonScalar(scalar),
        _ => null,
    };

    private static JsonValue? ToJsonScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null")
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }
}
