using System.ComponentModel.DataAnnotations;
using System.Reflection;
using DaprPhotos.Configuration.Tests.Support;
using DaprPhotos.Testing.Hosting;
using DaprPhotos.Thumbnails;
using DaprPhotos.Upload;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// What a run file gives each daprd: exactly one component folder, the Configuration, a body limit.
/// </summary>
public sealed class RunFileSidecarTests
{
    // A chunk's gRPC framing (key, store name, metadata) is a few hundred bytes; this is ample.
    private const long FramingBytes = 64 * 1024;

    [Theory] // daprd loads every YAML in every resources path: two folders would define each name twice
    [EachRunFile]
    public void EachAppLoadsExactlyOneComponentFolder(string runFile)
    {
        foreach (var app in RunFile.Load(runFile).Apps)
        {
            var folder = Assert.Single(app.ResourcesPaths);

            Assert.True(Directory.Exists(folder), $"{app.AppId}: resources path {folder} does not exist");
            Assert.True(
                RepositoryLayout.IsComponentFolder(folder), $"{app.AppId}: {folder} is no components folder");
        }
    }

    [Theory]
    [EachRunFile]
    public void EachAppStartsWithTheSidecarConfiguration(string runFile)
    {
        foreach (var app in RunFile.Load(runFile).Apps)
        {
            var configuration = app.ConfigFilePath;

            Assert.NotNull(configuration);
            Assert.True(File.Exists(configuration), $"{app.AppId}: {configuration} does not exist");
            Assert.False(
                RepositoryLayout.IsComponentFolder(Path.GetDirectoryName(configuration)!),
                $"{app.AppId}: {configuration} sits in a resources folder, where daprd does not read it");
        }
    }

    [Theory]
    [EachRunFile]
    public void TheBodyLimitFitsTheLargestChunkTheServicesAllow(string runFile)
    {
        long[] largestChunks =
        [
            LargestAllowed<UploadOptions>(nameof(UploadOptions.ChunkSizeBytes)),
            LargestAllowed<ThumbnailOptions>(nameof(ThumbnailOptions.ChunkSizeBytes)),
        ];

        foreach (var app in RunFile.Load(runFile).Apps)
        {
            var limit = app.Setting("maxBodySize");

            Assert.NotNull(limit);
            Assert.True(ResourceQuantity.ParseBytes(limit) >= largestChunks.Max() + FramingBytes,
                $"{app.AppId}: maxBodySize {limit} leaves no room over a {largestChunks.Max()} byte chunk");
        }
    }

    [Theory] // the service tests stand for what daprd does only if their sidecar enforces the same limit
    [EachRunFile]
    public void TheBodyLimitIsTheOneTheTestSidecarEnforces(string runFile)
    {
        var limits = RunFile.Load(runFile).Apps
            .Select(app => ResourceQuantity.ParseBytes(app.Setting("maxBodySize") ?? "0"));

        Assert.All(limits, limit => Assert.Equal(TestSidecarOptions.DefaultMaxBodySizeBytes, limit));
    }

    private static long LargestAllowed<TOptions>(string property)
    {
        var range = typeof(TOptions).GetProperty(property)?.GetCustomAttribute<RangeAttribute>();

        Assert.NotNull(range);
        return Convert.ToInt64(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
    }
}
