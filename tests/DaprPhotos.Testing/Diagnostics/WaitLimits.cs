namespace DaprPhotos.Testing.Diagnostics;

/// <summary>How long a test waits for a condition before it reports what it saw instead.</summary>
public static class WaitLimits
{
    /// <summary>Generous, because a shared machine can be slow; a passing wait returns at once.</summary>
    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(15);
}
