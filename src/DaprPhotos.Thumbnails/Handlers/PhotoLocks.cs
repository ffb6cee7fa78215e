namespace DaprPhotos.Thumbnails.Handlers;

/// <summary>
/// One holder per photo id in this process. daprd delivers up to ten messages at once, so a
/// duplicate of a photo-uploaded often arrives while the first copy is still rendering; holding
/// the photo's lock makes it wait, then find the stored set and republish it instead of rendering
/// again. Replicas do not share these locks: a duplicate that reaches another replica mid-render
/// renders again, which is harmless (same keys, same bytes) but not free.
/// </summary>
public sealed class PhotoLocks
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Holder> _holders = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string photoId, CancellationToken cancellationToken)
    {
        Holder holder;
        lock (_sync)
        {
            if (!_holders.TryGetValue(photoId, out holder!))
            {
                holder = new Holder();
                _holders.Add(photoId, holder);
            }

            holder.Users++;
        }

        try
        {
            await holder.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(photoId, holder, entered: false);
            throw;
        }

        return new Lease(() => Leave(photoId, holder, entered: true));
    }

    private void Leave(string photoId, Holder holder, bool entered)
    {
        lock (_sync)
        {
            if (entered)
            {
                holder.Gate.Release();
            }

            if (--holder.Users == 0)
            {
                _holders.Remove(photoId);
                holder.Gate.Dispose();
            }
        }
    }

    private sealed class Holder
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(Action leave) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                leave();
            }
        }
    }
}
