namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>resiliency.yaml's <c>componentRetry</c>, as an injected fault meets it.</summary>
internal static class ComponentRetries
{
    /// <summary>One call and its 3 outbound retries: the smallest fault the app itself sees.</summary>
    public const int FailuresTheSidecarCannotHide = 4;
}
