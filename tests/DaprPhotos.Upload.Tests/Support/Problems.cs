using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DaprPhotos.Upload.Tests.Support;

/// <summary>Reads an RFC 9457 answer, checking its status and that it says it is one.</summary>
internal static class Problems
{
    public const string MediaType = "application/problem+json";

    public static async Task<ProblemDetails> ReadAsync(
        HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(cancellationToken);
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    public static async Task<HttpValidationProblemDetails> ReadValidationAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content
            .ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
        Assert.NotNull(problem);
        return problem;
    }
}
