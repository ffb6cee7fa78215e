using DaprPhotos.Testing.Resources;

namespace DaprPhotos.Configuration.Tests.Support;

/// <summary>
/// What an operator selects by files alone: <c>dapr.yaml</c> with <c>components/</c>, and each
/// alternative as a run file <c>dapr.&lt;choice&gt;.yaml</c> with its folder
/// <c>components.&lt;choice&gt;/</c>.
/// </summary>
public static class RepositoryLayout
{
    public const string DefaultRunFile = "dapr.yaml";

    public const string DefaultComponentFolder = "components";

    public static string Root { get; } = RepositoryRoot.Find();

    /// <summary>The component folders at the repository root: the default and every alternative.</summary>
    public static IReadOnlyList<string> ComponentFolders { get; } = Directory
        .EnumerateDirectories(Root)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => name == DefaultComponentFolder
            || name.StartsWith(DefaultComponentFolder + ".", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<string> AlternativeComponentFolders { get; } =
        ComponentFolders.Where(folder => folder != DefaultComponentFolder).ToList();

    /// <summary>The Multi-App Run files at the root: <c>dapr.yaml</c> and <c>dapr.*.yaml</c>.</summary>
    public static IReadOnlyList<string> RunFiles { get; } = Directory
        .EnumerateFiles(Root, "dapr*.yaml")
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(name => name == DefaultRunFile || name.StartsWith("dapr.", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> ComponentFolderNames => new(ComponentFolders);

    public static TheoryData<string> AlternativeComponentFolderNames => new(AlternativeComponentFolders);

    public static TheoryData<string> RunFileNames => new(RunFiles);

    public static TheoryData<string> AlternativeRunFileNames =>
        new(RunFiles.Where(runFile => runFile != DefaultRunFile));

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>A component folder read the way the service tests' sidecar and daprd read it.</summary>
    public static DaprResourceSet Resources(string folder) => DaprResourceSet.Load(PathOf(folder));

    public static bool IsComponentFolder(string fullPath) =>
        ComponentFolders.Any(folder => SamePath(fullPath, PathOf(folder)));

    public static bool SamePath(string left, string right) =>
        string.Equals(Path.GetFullPath(left).TrimEnd(Path.DirectorySeparatorChar),
            Path.GetFullPath(right).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
