namespace DaprPhotos.Testing.PubSub;

// Reordering on demand: the broker misbehaves here, before the messages reach the workers.
internal sealed partial class ConsumerGroup
{
    // Holds messages back and releases them newest first, once the batch is full or the window ends.
    private void HoldBack(BrokerMessage message, Faults.DeliveryFault fault)
    {
        List<BrokerMessage>? release = null;
        lock (_sync)
        {
            _heldBack.Add(message);
            if (_heldBack.Count >= fault.ReorderBatch)
            {
                release = [.. _heldBack];
                _heldBack.Clear();
            }
            else if (_heldBack.Count == 1)
            {
                _ = ReleaseAfterWindowAsync(fault.ReorderWindow);
            }
        }

        release?.AsEnumerable().Reverse().ToList().ForEach(held => Start(held, fault.Delay));
    }

    private async Task ReleaseAfterWindowAsync(TimeSpan window)
    {
        try
        {
            await Task.Delay(window, environment.Time, environment.Stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        List<BrokerMessage> release;
        lock (_sync)
        {
            release = [.. _heldBack];
            _heldBack.Clear();
        }

        release.AsEnumerable().Reverse().ToList().ForEach(held => Start(held, TimeSpan.Zero));
    }
}
