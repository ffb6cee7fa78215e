using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace DaprPhotos.Upload.Uploads;

/// <summary>The text fields of an upload form; tags may repeat or be comma-separated.</summary>
public sealed record UploadFields(string? Title, string? Description, IReadOnlyList<string> Tags)
{
    public static UploadFields From(IReadOnlyDictionary<string, List<string>> fields) => new(
        Single(fields, "title"),
        Single(fields, "description"),
        [.. (fields.GetValueOrDefault("tags") ?? [])
            .SelectMany(value => value.Split(
                ',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)]);

    private static string? Single(IReadOnlyDictionary<string, List<string>> fields, string name) =>
        fields.GetValueOrDefault(name)?.LastOrDefault()?.Trim() is { Length: > 0 } value ? value : null;
}

public sealed partial class UploadFieldsValidator : AbstractValidator<UploadFields>
{
    public UploadFieldsValidator(IOptions<UploadOptions> options)
    {
        var limits = options.Value;
        RuleFor(fields => fields.Title)
            .MaximumLength(limits.MaxTitleLength)
            .Must(NoControlCharacters).WithMessage("The title may not contain control characters.");
        RuleFor(fields => fields.Description)
            .MaximumLength(limits.MaxDescriptionLength);
        RuleFor(fields => fields.Tags)
            .Must(tags => tags.Count <= limits.MaxTags)
            .WithMessage(fields =>
                $"At most {limits.MaxTags} tags are allowed; {fields.Tags.Count} were sent.");
        RuleForEach(fields => fields.Tags)
            .MaximumLength(limits.MaxTagLength)
            .Matches(TagPattern())
            .WithMessage("Tags are letters, digits, spaces, '-' and '_', starting with a letter or digit.");
    }

    private static bool NoControlCharacters(string? text) => text is null || !text.Any(char.IsControl);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} _-]*$")]
    private static partial Regex TagPattern();
}
