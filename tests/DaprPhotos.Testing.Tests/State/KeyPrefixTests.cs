using DaprPhotos.Testing.Resources;
using static DaprPhotos.Testing.Tests.State.StateTestKit;

namespace DaprPhotos.Testing.Tests.State;

/// <summary>Contract §4.3: the stored key for each <c>keyPrefix</c> value, and who can read it.</summary>
public sealed class KeyPrefixTests
{
    [Fact] // contract §4.3 row "appid" (default)
    public async Task ByDefaultTwoAppsOnOneStoreDoNotSeeEachOthersKeys()
    {
        await using var environment = StoreOfType(Redis);
        using var orders = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        using var billing = (await environment.StartSidecarAsync("billing")).CreateDaprClient();
        await orders.SaveStateAsync(Store, "k", "from orders", cancellationToken: Cancellation);

        var seenByBilling = await billing.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation);

        Assert.Null(seenByBilling);
        Assert.Equal(["orders||k"], environment.StateStore(Store).Keys);
    }

    [Fact] // contract §4.3 row "name"
    public async Task KeyPrefixNameSharesKeysUnderTheComponentName()
    {
        await using var environment = StoreOfType(Redis, "- name: keyPrefix\n  value: name\n");
        using var orders = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        using var billing = (await environment.StartSidecarAsync("billing")).CreateDaprClient();
        await orders.SaveStateAsync(Store, "k", "from orders", cancellationToken: Cancellation);

        var seenByBilling = await billing.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation);

        Assert.Equal("from orders", seenByBilling);
        Assert.Equal(["statestore||k"], environment.StateStore(Store).Keys);
    }

    [Theory] // contract §4.3 row "namespace": NAMESPACE empty falls back to the app id
    [InlineData("prod", "prod.orders||k")]
    [InlineData(null, "orders||k")]
    public async Task KeyPrefixNamespacePutsTheNamespaceBeforeTheAppId(string? @namespace, string storedKey)
    {
        await using var environment = StoreOfType(
            Redis, "- name: keyPrefix\n  value: namespace\n", @namespace: @namespace);
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);

        Assert.Equal([storedKey], environment.StateStore(Store).Keys);
    }

    [Fact] // contract §4.3 row "none"
    public async Task KeyPrefixNoneStoresTheKeyAsItIs()
    {
        await using var environment = StoreOfType(Redis, "- name: keyPrefix\n  value: none\n");
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);

        Assert.Equal(["k"], environment.StateStore(Store).Keys);
    }

    [Fact] // contract §4.3 row "any other string"
    public async Task AnyOtherKeyPrefixIsALiteralSharedPrefix()
    {
        await using var environment = StoreOfType(Redis, "- name: keyPrefix\n  value: lit\n");
        using var orders = (await environment.StartSidecarAsync("orders")).CreateDaprClient();
        using var billing = (await environment.StartSidecarAsync("billing")).CreateDaprClient();
        await orders.SaveStateAsync(Store, "k", "from orders", cancellationToken: Cancellation);

        var seenByBilling = await billing.GetStateAsync<string>(Store, "k", cancellationToken: Cancellation);

        Assert.Equal("from orders", seenByBilling);
        Assert.Equal(["lit||k"], environment.StateStore(Store).Keys);
    }

    [Fact] // contract §4.3 "case-insensitive name and value": SaveStateConfiguration lowercases the value
    public async Task ALiteralKeyPrefixIsLowercased()
    {
        await using var environment = StoreOfType(Redis, "- name: KeyPrefix\n  value: SharedLit\n");
        using var client = (await environment.StartSidecarAsync("orders")).CreateDaprClient();

        await client.SaveStateAsync(Store, "k", "v", cancellationToken: Cancellation);

        Assert.Equal(["sharedlit||k"], environment.StateStore(Store).Keys);
    }

    [Fact] // dapr-answers §7: checked at component init, and daprd exits
    public async Task AKeyPrefixContainingTheSeparatorFailsTheSidecarStart()
    {
        await using var environment = StoreOfType(Redis, "- name: keyPrefix\n  value: my||prefix\n");

        var exception = await Assert.ThrowsAsync<DaprResourceException>(
            () => environment.StartSidecarAsync("orders"));

        Assert.Contains("input key/keyPrefix 'my||prefix' can't contain '||'", exception.Message);
    }
}
