namespace DaprPhotos.Configuration.Tests.Support;

/// <summary>
/// The keys the Dapr CLI reads from a run file: the yaml tags of <c>RunFileConfig</c>, <c>App</c>
/// and <c>ContainerConfiguration</c> (pkg/runfileconfig/run_file_config.go), <c>SharedRunConfig</c>
/// and <c>RunConfig</c> (pkg/standalone/run.go), dapr/cli at bc695e97; contract §8.1. The CLI
/// parses with gopkg.in/yaml.v2 without strict mode, so a key it does not know, or one spelt
/// differently (<c>appId</c>, or the docs' <c>daprHTTPMaxRequestSize</c>), is dropped in silence.
/// </summary>
public static class RunFileSchema
{
    public static IReadOnlySet<string> TopLevelKeys { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "version", "name", "common", "apps" };

    /// <summary>SharedRunConfig: allowed in <c>common</c> and, overriding it, in each app.</summary>
    public static IReadOnlySet<string> SharedKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "configFilePath", "appProtocol", "apiListenAddresses", "enableProfiling", "logLevel",
        "appMaxConcurrency", "placementHostAddress", "resourcesPath", "resourcesPaths", "appSSL",
        "maxBodySize", "readBufferSize", "enableAppHealthCheck", "appHealthCheckPath",
        "appHealthProbeInterval", "appHealthProbeTimeout", "appHealthThreshold", "enableApiLogging",
        "runtimePath", "env", "daprdLogDestination", "appLogDestination", "schedulerHostAddress",
    };

    /// <summary>RunConfig, ContainerConfiguration and App: allowed only in an entry of <c>apps</c>.</summary>
    public static IReadOnlySet<string> AppOnlyKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "appID", "appChannelAddress", "appPort", "daprHTTPPort", "daprGRPCPort", "profilePort",
        "command", "metricsPort", "unixDomainSocket", "daprInternalGRPCPort",
        "containerImage", "containerImagePullPolicy", "createService", "appDirPath",
    };

    public static IReadOnlySet<string> AppKeys { get; } =
        new HashSet<string>(SharedKeys.Concat(AppOnlyKeys), StringComparer.Ordinal);
}
