using System.Collections;
using System.Diagnostics;
using DaprPhotos.Testing.Diagnostics;

namespace DaprPhotos.EndToEnd.Tests.Support;

/// <summary>
/// The spans every service exported, for the in-memory exporter, which it fills as spans end. In
/// one process the three services' tracer providers all listen to the same named sources
/// (ASP.NET Core, HttpClient), so each exports every span: a span is kept once, by its id.
/// </summary>
internal sealed class SpanLog : ICollection<Activity>
{
    private readonly HashSet<ActivitySpanId> _seen = [];

    public ObservableLog<Activity> Spans { get; } = new();

    public int Count => Spans.Snapshot().Count;

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_seen)
        {
            if (!_seen.Add(item.SpanId))
            {
                return;
            }
        }

        Spans.Add(item);
    }

    public bool Contains(Activity item) => Spans.Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) =>
        Spans.Snapshot().ToList().CopyTo(array, arrayIndex);

    public IEnumerator<Activity> GetEnumerator() => Spans.Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The exporter only adds; it never clears or removes what it exported.
    public void Clear() => throw new NotSupportedException();

    public bool Remove(Activity item) => throw new NotSupportedException();
}
