using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace StrategyGov.Web.Features.Webhooks;

/// <summary>
/// Signing secrets: 32 random bytes shown once, stored protected with Data Protection (the keys every
/// instance shares, ADR 0070), because the sender needs the secret itself to sign, not a hash of it.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("StrategyGov.Webhooks.Secret.v1");

    public const string Prefix = "whsec_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>
    /// <c>sha256=</c> and the lower-case hex HMAC-SHA256 of <c>{timestamp}.{body}</c> keyed with the secret's
    /// UTF-8 bytes: the value of <c>X-StrategyGov-Signature</c> (docs/api.md shows how to check it).
    /// </summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>
    /// The value of <c>X-StrategyGov-Signature</c> for a subscription: its secret's signature and, while a rotated secret
    /// still signs (<paramref name="previousUntil"/> after <paramref name="now"/>), the old one's after it:
    /// <c>sha256=&lt;new&gt;, sha256=&lt;old&gt;</c> (ADR 0110).
    /// </summary>
    public string Signatures(string protectedSecret, string? previousProtectedSecret, DateTime? previousUntil, DateTime now, long timestamp, string body)
    {
        var current = Sign(Unprotect(protectedSecret), timestamp, body);
        return previousProtectedSecret is not null && previousUntil > now
            ? current + ", " + Sign(Unprotect(previousProtectedSecret), timestamp, body)
            : current;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Where a webhook may be sent: https (http only to loopback when allowed) to a host on the center's list; no credentials in the URL.</summary>
public static class WebhookTargets
{
    /// <summary>The UI string key of why <paramref name="url"/> is refused, or null when it may be used.</summary>
    public static string? Refusal(string? url, IReadOnlyList<string> allowedHosts, bool allowHttpLoopback)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Webhooks_UrlInvalid";
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (uri.Scheme == "http" && !(allowHttpLoopback && loopback))
        {
            return "Webhooks_UrlNotHttps";
        }

        return IsAllowed(uri.IdnHost, allowedHosts) ? null : "Webhooks_HostNotAllowed";
    }

    /// <summary>The host names of the stored list (one a line, or separated by commas or spaces), lower case.</summary>
    public static IReadOnlyList<string> ParseHosts(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ',', ' ', '\t', '،'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>An entry that is not a host name (or <c>*.</c> and one), or null when all are.</summary>
    public static string? InvalidHost(IReadOnlyList<string> hosts) =>
        hosts.FirstOrDefault(h => Uri.CheckHostName(h.StartsWith("*.", StringComparison.Ordinal) ? h[2..] : h) == UriHostNameType.Unknown);

    private static bool IsAllowed(string host, IReadOnlyList<string> allowedHosts)
    {
        host = host.ToLowerInvariant();
        return allowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.Ordinal)
            : host == allowed);
    }
}
