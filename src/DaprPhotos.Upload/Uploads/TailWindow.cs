namespace DaprPhotos.Upload.Uploads;

/// <summary>Keeps the last few bytes of a stream seen in pieces, for the end-marker check.</summary>
internal sealed class TailWindow(int capacity)
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
