using DaprPhotos.Configuration.Tests.Support;

namespace DaprPhotos.Configuration.Tests;

/// <summary>
/// An operator picks a broker or store by the run file alone: each component folder has exactly one
/// run file that loads it, and the alternatives run the same apps with the same settings.
/// </summary>
public sealed class AlternativeSelectionTests
{
    private static readonly HashSet<string> ResourcesKeys =
        new(StringComparer.Ordinal) { "resourcesPaths", "resourcesPath" };

    [Fact] // more may follow, such as a combination of two of them
    public void TheDefaultAndTheThreeAlternativesAreThere()
    {
        string[] expected =
            ["components", "components.kafka", "components.postgres", "components.rabbitmq"];

        Assert.All(expected, folder => Assert.Contains(folder, RepositoryLayout.ComponentFolders));
    }

    [Fact]
    public void EachComponentFolderIsLoadedByExactlyOneRunFile()
    {
        var loadedBy = RepositoryLayout.RunFiles
            .SelectMany(runFile => RunFile.Load(runFile).Apps
                .SelectMany(app => app.ResourcesPaths)
                .Select(Path.GetFileName)
                .Distinct()
                .Select(folder => (Folder: folder, RunFile: runFile)))
            .GroupBy(pair => pair.Folder)
            .ToDictionary(group => group.Key ?? "", group => group.Select(pair => pair.RunFile).ToList());

        Assert.All(RepositoryLayout.ComponentFolders, folder =>
            Assert.Single(loadedBy.GetValueOrDefault(folder) ?? []));
        Assert.Equal(RepositoryLayout.ComponentFolders.Count, loadedBy.Count);
    }

    [Theory] // dapr.kafka.yaml loads components.kafka, so the file name says what it selects
    [EachRunFile]
    public void ARunFileIsNamedAfterTheFolderItLoads(string runFile)
    {
        var choice = runFile["dapr".Length..^"yaml".Length].TrimEnd('.');
        var folders = RunFile.Load(runFile).Apps.SelectMany(app => app.ResourcesPaths).Distinct();

        Assert.Equal([RepositoryLayout.PathOf(RepositoryLayout.DefaultComponentFolder + choice)], folders);
    }

    [Theory]
    [EachAlternativeRunFile]
    public void AnAlternativeRunsTheAppsOfDaprYamlWithTheSameSettings(string runFile)
    {
        var daprYaml = RunFile.Load(RepositoryLayout.DefaultRunFile);
        var expected = YamlNodes.Flatten(daprYaml.Root, "", ResourcesKeys);

        var actual = YamlNodes.Flatten(RunFile.Load(runFile).Root, "", ResourcesKeys);

        Assert.Equal(expected, actual);
    }
}
