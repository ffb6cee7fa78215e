using System.Globalization;
using System.Text;

namespace DaprPhotos.Indexing.Terms;

/// <summary>
/// Turns text into the words the index stores and a query looks up: lower case, accents and other
/// marks removed, a few letters that decompose to no base letter spelt out, split at anything that
/// is not a letter or a digit. So "Crème Brûlée" and "creme brulee" are the same two words.
/// </summary>
public static class TextFolding
{
    /// <summary>Longer runs are not words a person types (hashes, encoded data): not indexed.</summary>
    public const int MaxWordLength = 40;

    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (i - start <= MaxWordLength)
                {
                    yield return folded[start..i];
                }

                start = -1;
            }
        }
    }

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.ToLowerInvariant(character) switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                var other => other.ToString(),
            });
        }

        return folded.ToString();
    }

    /// <summary>Digits only: found by the exact word, never offered as a prefix completion.</summary>
    public static bool IsNumber(string word) => word.All(char.IsAsciiDigit);
}
