using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DaprPhotos.ServiceDefaults.Tests;

public sealed class ProblemDetailsTests
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task UnhandledExceptionAnswers500ProblemDetailsWithATraceId()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup
            {
                Endpoints = endpoints => endpoints.MapGet(
                    "/boom", string () => throw new InvalidOperationException("The handler failed.")),
            },
            cancellationToken);

        using var response = await service.Client.GetAsync("/boom", cancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var problem = await ReadJsonAsync(response, cancellationToken);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task UnknownRouteAnswers404ProblemDetails()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceHost.StartAsync(new ServiceSetup(), cancellationToken);

        using var response = await service.Client.GetAsync("/no-such-route", cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var problem = await ReadJsonAsync(response, cancellationToken);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ExceptionDetailsStayOutOfTheAnswer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceHost.StartAsync(
            new ServiceSetup
            {
                Endpoints = endpoints => endpoints.MapGet(
                    "/boom", string () => throw new InvalidOperationException("secret connection string")),
            },
            cancellationToken);

        using var response = await service.Client.GetAsync("/boom", cancellationToken);

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.DoesNotContain("secret connection string", body, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> ReadJsonAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }
}
