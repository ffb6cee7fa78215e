using System.Diagnostics;

namespace DaprPhotos.Testing.PubSub;

/// <summary>W3C traceparent values as daprd's spans produce them: a child keeps the trace id.</summary>
internal static class TraceContext
{
    /// <summary>A new span under <paramref name="parent"/>, or null when there is no valid parent.</summary>
    public static string? ChildOf(string? parent)
    {
        if (string.IsNullOrEmpty(parent) || !ActivityContext.TryParse(parent, null, out var context))
        {
            return null;
        }

        var flags = context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00";
        return $"00-{context.TraceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-{flags}";
    }

    /// <summary>
    /// A root span, as daprd starts when a publish carries no trace context (unsampled by default).
    /// </summary>
    public static string NewRoot() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";
}
