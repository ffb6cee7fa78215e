namespace DaprPhotos.Blobs;

/// <summary>Reads a chunked blob in order, holding one chunk at a time.</summary>
internal sealed class ChunkedReadStream(
    ChunkedBlobStore store, BlobManifest manifest, ReadOnlyMemory<byte> firstChunk = default)
    : Stream
{
    private ReadOnlyMemory<byte> _chunk = firstChunk;
    private int _nextChunk = firstChunk.IsEmpty ? 0 : 1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => manifest.SizeBytes;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(
        Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_chunk.IsEmpty)
        {
            if (_nextChunk >= manifest.ChunkCount)
            {
                return 0;
            }

            _chunk = await store.ReadChunkAsync(manifest.Key, _nextChunk++, cancellationToken);
            if (_chunk.IsEmpty)
            {
                throw new InvalidDataException($"Blob {manifest.Key} is missing chunk {_nextChunk - 1}.");
            }
        }

        var count = Math.Min(buffer.Length, _chunk.Length);
        _chunk[..count].CopyTo(buffer);
        _chunk = _chunk[count..];
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(
        byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
