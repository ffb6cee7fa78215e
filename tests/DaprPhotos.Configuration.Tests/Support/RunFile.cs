using YamlDotNet.RepresentationModel;

namespace DaprPhotos.Configuration.Tests.Support;

/// <summary>
/// A Multi-App Run file read the way the Dapr CLI reads it (dapr/cli pkg/runfileconfig, contract §8):
/// paths in <c>common</c> resolve against the file's folder, paths of an app against its
/// <c>appDirPath</c>, and an app setting left unset takes the value from <c>common</c>.
/// </summary>
public sealed class RunFile
{
    private RunFile(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
        Common = root.Mapping("common") ?? new YamlMappingNode();
        Apps = (root.Child("apps") as YamlSequenceNode)?.Children
            .OfType<YamlMappingNode>()
            .Select(node => new RunFileApp(this, node))
            .ToList() ?? [];
    }

    public string Path { get; }

    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    public YamlMappingNode Root { get; }

    public YamlMappingNode Common { get; }

    public IReadOnlyList<RunFileApp> Apps { get; }

    public static RunFile Load(string name) =>
        new(RepositoryLayout.PathOf(name), YamlNodes.LoadDocuments(RepositoryLayout.PathOf(name)).Single());
}

/// <summary>One entry of <c>apps</c>, with the CLI's merge of <c>common</c> applied.</summary>
public sealed class RunFileApp(RunFile file, YamlMappingNode node)
{
    public YamlMappingNode Node => node;

    public string AppId => node.Scalar("appID") ?? "";

    public string AppDirectory => Resolve(file.Folder, node.Scalar("appDirPath") ?? "");

    public IReadOnlyList<string> Command => node.Scalars("command");

    /// <summary>
    /// The app's own value, or else the one in <c>common</c> (the CLI's mergeCommonAndAppsSharedRunConfig).
    /// </summary>
    public string? Setting(string key) => node.Scalar(key) ?? file.Common.Scalar(key);

    /// <summary>
    /// The app's own resources paths (against its folder), or else those of <c>common</c> (against the
    /// run file's folder); the deprecated single <c>resourcesPath</c> is added to either list.
    /// </summary>
    public IReadOnlyList<string> ResourcesPaths
    {
        get
        {
            var own = PathsOf(node, AppDirectory);
            return own.Count > 0 ? own : PathsOf(file.Common, file.Folder);
        }
    }

    /// <summary>The app's own <c>configFilePath</c> (against its folder), or else the common one.</summary>
    public string? ConfigFilePath =>
        node.Scalar("configFilePath") is { } own
            ? Resolve(AppDirectory, own)
            : file.Common.Scalar("configFilePath") is { } common ? Resolve(file.Folder, common) : null;

    private static List<string> PathsOf(YamlMappingNode section, string baseFolder)
    {
        var paths = section.Scalars("resourcesPaths").ToList();
        if (section.Scalar("resourcesPath") is { Length: > 0 } single)
        {
            paths.Add(single);
        }

        return paths.Select(path => Resolve(baseFolder, path)).ToList();
    }

    private static string Resolve(string baseFolder, string path) =>
        Path.GetFullPath(Path.Combine(baseFolder, path));
}
