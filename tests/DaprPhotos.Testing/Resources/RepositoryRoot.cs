namespace DaprPhotos.Testing.Resources;

/// <summary>Finds the repository root (the folder holding DaprPhotos.sln) above the test binaries.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "DaprPhotos.sln";

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
             directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {MarkerFile} above {AppContext.BaseDirectory}; tests run from inside the repository.");
    }
}
