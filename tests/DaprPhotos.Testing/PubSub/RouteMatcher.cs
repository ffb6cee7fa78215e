using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.PubSub;

/// <summary>
/// Picks the first rule whose CEL match holds for the CloudEvent. Only comparisons of an
/// <c>event.</c> field with a string literal, joined by <c>&amp;&amp;</c>, are understood; anything
/// else throws so a test never silently routes differently from daprd.
/// </summary>
internal static partial class RouteMatcher
{
    public static RouteRule? FindRoute(IReadOnlyList<RouteRule> rules, JsonObject cloudEvent) =>
        rules.FirstOrDefault(rule => rule.Match is null || Evaluate(rule.Match, cloudEvent));

    private static bool Evaluate(string expression, JsonObject cloudEvent) =>
        expression.Split("&&").All(clause => EvaluateComparison(clause, cloudEvent, expression));

    private static bool EvaluateComparison(string clause, JsonObject cloudEvent, string expression)
    {
        var match = Comparison().Match(clause);
        if (!match.Success)
        {
            throw new NotSupportedException(
                $"The test sidecar cannot evaluate the CEL expression '{expression}'; "
                + "use comparisons like event.type == \"x\" joined by &&.");
        }

        JsonNode? node = cloudEvent;
        foreach (var segment in match.Groups["path"].Value.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        var actual = node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : node?.ToJsonString();
        var equal = actual == match.Groups["literal"].Value;
        return match.Groups["op"].Value == "==" ? equal : !equal;
    }

    [GeneratedRegex(
        "^\\s*event\\.(?<path>[A-Za-z0-9_.]+)\\s*(?<op>==|!=)\\s*[\"'](?<literal>[^\"']*)[\"']\\s*$")]
    private static partial Regex Comparison();
}
