namespace DaprPhotos.ServiceDefaults;

/// <summary>
/// The app API token daprd sends on every call into this app when the operator configures one, which
/// is how subscriber endpoints know a call came from their own sidecar.
/// </summary>
public static class DaprAppToken
{
    /// <summary>
    /// The authorization policy <c>RequireDaprAppToken()</c> applies; Dapr.AspNetCore's name for it.
    /// </summary>
    public const string PolicyName = "Dapr";

    /// <summary>The configuration key holding the token: an environment variable daprd shares.</summary>
    public const string ConfigurationKey = "APP_API_TOKEN";

    /// <summary>The request header daprd puts the token in.</summary>
    public const string HeaderName = "dapr-api-token";
}
