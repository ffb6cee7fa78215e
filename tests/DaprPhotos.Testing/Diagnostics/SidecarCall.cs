namespace DaprPhotos.Testing.Diagnostics;

/// <summary>
/// One call an app made to its sidecar: the gRPC method, what it addressed (a state key, a topic)
/// and the request size, so a test can assert what a step costs in round-trips.
/// </summary>
/// <param name="Target">
/// The store or pub/sub component and the key(s) or topic, e.g. <c>photos/abc</c>.
/// </param>
public sealed record SidecarCall(
    string AppId, string Method, string Component, string Target, int RequestBytes, DateTimeOffset At)
{
    public override string ToString() => $"{AppId} {Method} {Component}/{Target} ({RequestBytes} B)";
}
