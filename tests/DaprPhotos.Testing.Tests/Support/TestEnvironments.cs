using DaprPhotos.Testing.Hosting;
using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Testing.Tests.Support;

internal static class TestEnvironments
{
    /// <summary>
    /// One redis pub/sub and one redis state store, no resiliency: the smallest real setup.
    /// </summary>
    public static DaprTestEnvironment Redis(params string[] extraDocuments) =>
        new(Resources.Load([Resources.RedisPubSub(), Resources.RedisState(), .. extraDocuments]));

    public static DaprTestEnvironment With(DaprResourceSet resources, TimeProvider? time = null) =>
        new(resources, new DaprTestEnvironmentOptions { Time = time });
}
