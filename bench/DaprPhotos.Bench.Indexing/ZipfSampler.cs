namespace DaprPhotos.Bench.Indexing;

/// <summary>
/// Picks items with a Zipf-like skew: the item of rank r (from 1) is drawn with weight 1 / r^s, so a
/// few words are everywhere and most are rare, as in real titles.
/// </summary>
internal sealed class ZipfSampler<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly double[] _cumulative;

    public ZipfSampler(IReadOnlyList<T> itemsByRank, double exponent = 1.0)
    {
        _items = itemsByRank;
        _cumulative = new double[itemsByRank.Count];
        var total = 0.0;
        for (var rank = 1; rank <= itemsByRank.Count; rank++)
        {
            total += 1 / Math.Pow(rank, exponent);
            _cumulative[rank - 1] = total;
        }
    }

    public T Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return _items[Math.Min(index < 0 ? ~index : index, _items.Count - 1)];
    }
}
