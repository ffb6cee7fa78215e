using DaprPhotos.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DaprAppTokenExtensions
{
    public static TBuilder AddDaprAppTokenAuthorization<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var token = builder.Configuration[DaprAppToken.ConfigurationKey];

        // Always registered: UseServiceDefaults places the authentication middleware, which needs it.
        var authentication = builder.Services.AddAuthentication();

        if (string.IsNullOrEmpty(token))
        {
            // With no token configured daprd sends none, so the policy admits every caller; endpoints keep
            // the same RequireDaprAppToken() and become protected once an operator sets the token.
            builder.Services.AddAuthorization(options => options.AddPolicy(
                DaprAppToken.PolicyName, policy => policy.RequireAssertion(_ => true)));

            return builder;
        }

        authentication.AddDapr(options => options.Token = token);
        builder.Services.AddAuthorization(options => options.AddDapr());

        return builder;
    }

    /// <summary>Admits only calls from this app's own sidecar once <c>APP_API_TOKEN</c> is set.</summary>
    public static TBuilder RequireDaprAppToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(DaprAppToken.PolicyName);
}
