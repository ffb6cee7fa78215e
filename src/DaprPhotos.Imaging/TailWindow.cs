namespace DaprPhotos.Imaging;

/// <summary>Keeps the last bytes of a stream seen in pieces, for <see cref="EndMarker"/>.</summary>
public sealed class TailWindow(int capacity = EndMarker.TailLength)
{
    private byte[] _bytes = [];

    public ReadOnlySpan<byte> Bytes => _bytes;

    public void Append(ReadOnlySpan<byte> piece)
    {
        if (piece.Length >= capacity)
        {
            _bytes = piece[^capacity..].ToArray();
            return;
        }

        var keep = Math.Min(_bytes.Length, capacity - piece.Length);
        _bytes = [.. _bytes.AsSpan(_bytes.Length - keep), .. piece];
    }
}
