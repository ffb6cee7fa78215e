namespace DaprPhotos.Bench.Indexing;

/// <summary>Progress goes to standard error, so standard output is only the report.</summary>
internal static class Progress
{
    public static void Write(string line) => Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
