using System.Net.Http.Json;

namespace DaprPhotos.EndToEnd.Tests.Support;

// What a client does with indexing's API: search, following every page.
internal sealed partial class Pipeline
{
    /// <summary>The ids <c>GET /search?{query}</c> finds, every page followed, repeats kept.</summary>
    public async Task<List<string>> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        string? token = null;
        do
        {
            var page = token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}";
            using var response = await Indexing.GetAsync(
                $"/search?{query}&pageSize=100{page}", cancellationToken);
            response.EnsureSuccessStatusCode();
            var results = (await response.Content.ReadFromJsonAsync<SearchPage>(cancellationToken))!;
            found.AddRange(results.Hits.Select(hit => hit.PhotoId));
            token = results.ContinuationToken;
        }
        while (token is not null);

        return found;
    }
}
