using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>
/// Tags each request's server span with the app id of the service that served it. Every tracer
/// provider in the process sees every service's spans, so the span itself must say whose it is.
/// </summary>
internal sealed class AppIdSpanTag(string appId) : IStartupFilter
{
    public const string Name = "test.app_id";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            Activity.Current?.SetTag(Name, appId);
            return nextMiddleware(context);
        });
        next(app);
    };
}
