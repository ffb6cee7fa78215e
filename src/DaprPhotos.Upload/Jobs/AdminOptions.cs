namespace DaprPhotos.Upload.Jobs;

/// <summary>Who may use the admin API, bound from <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The key callers send in <c>X-Admin-Key</c>. Unset, the admin API answers only requests from
    /// this machine (loopback), which is what a developer running <c>dapr run -f .</c> needs.
    /// </summary>
    public string? ApiKey { get; set; }
}
