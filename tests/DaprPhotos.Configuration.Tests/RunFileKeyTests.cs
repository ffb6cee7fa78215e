using DaprPhotos.Configuration.Tests.Support;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// Every key of every run file is one the CLI reads (contract §8.1): a misspelt key is not an
/// error for the CLI, only a setting that never reaches daprd.
/// </summary>
public sealed class RunFileKeyTests
{
    [Theory]
    [EachRunFile]
    public void TopLevelKeysAreThoseOfTheRunFileSchema(string runFile)
    {
        var keys = RunFile.Load(runFile).Root.Keys();

        Assert.All(keys, key => Assert.Contains(key, RunFileSchema.TopLevelKeys));
    }

    [Theory]
    [EachRunFile]
    public void CommonHoldsOnlySettingsThatAppsShare(string runFile)
    {
        var keys = RunFile.Load(runFile).Common.Keys();

        Assert.All(keys, key => Assert.Contains(key, RunFileSchema.SharedKeys));
    }

    [Theory]
    [EachRunFile]
    public void EachAppHoldsOnlyAppSettings(string runFile)
    {
        var apps = RunFile.Load(runFile).Apps;

        Assert.NotEmpty(apps);
        var keys = apps.SelectMany(app => app.Node.Keys());
        Assert.All(keys, key => Assert.Contains(key, RunFileSchema.AppKeys));
    }

    [Theory] // the CLI refuses a run file without it ("required field 'version' not found")
    [EachRunFile]
    public void VersionIsOne(string runFile)
    {
        var version = RunFile.Load(runFile).Root.Scalar("version");

        Assert.Equal("1", version);
    }
}
