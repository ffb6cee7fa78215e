using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace DaprPhotos.ServiceDefaults.Tests;

public sealed class DaprAppTokenTests
{
    private const string Token = "sidecar-secret";
    private const string SubscriberPath = "/events/photo-uploaded";

    [Fact]
    public async Task SubscriberRejectsACallWithoutTheToken()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await StartWithSubscriberAsync(appApiToken: Token, cancellationToken);

        using var response = await service.Client.PostAsync(SubscriberPath, null, cancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SubscriberRejectsACallWithAWrongToken()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await StartWithSubscriberAsync(appApiToken: Token, cancellationToken);
        using var request = SubscriberCall(token: "not-the-sidecar");

        using var response = await service.Client.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SubscriberAcceptsACallCarryingTheSidecarsToken()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await StartWithSubscriberAsync(appApiToken: Token, cancellationToken);
        using var request = SubscriberCall(token: Token);

        using var response = await service.Client.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SubscriberAcceptsEveryCallWhenNoTokenIsConfigured()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await StartWithSubscriberAsync(appApiToken: null, cancellationToken);

        using var response = await service.Client.PostAsync(SubscriberPath, null, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RejectedCallAnswersProblemDetails()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await StartWithSubscriberAsync(appApiToken: Token, cancellationToken);

        using var response = await service.Client.PostAsync(SubscriberPath, null, cancellationToken);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Task<ServiceHost> StartWithSubscriberAsync(
        string? appApiToken,
        CancellationToken cancellationToken) =>
        ServiceHost.StartAsync(
            new ServiceSetup
            {
                AppApiToken = appApiToken,
                Endpoints = endpoints => endpoints
                    .MapPost(SubscriberPath, () => Results.Ok())
                    .RequireDaprAppToken(),
            },
            cancellationToken);

    private static HttpRequestMessage SubscriberCall(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SubscriberPath);
        request.Headers.Add(DaprAppToken.HeaderName, token);
        return request;
    }
}
