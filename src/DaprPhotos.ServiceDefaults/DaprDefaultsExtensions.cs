using DaprPhotos.Contracts.Events;
using DaprPhotos.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DaprDefaultsExtensions
{
    public static TBuilder AddDaprDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddDaprClient(client =>
            client.UseJsonSerializationOptions(DaprPhotosJson.SerializerOptions));

        // Subscriber endpoints bind events with the contracts the publisher's DaprClient wrote them with.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default));

        return builder;
    }
}
