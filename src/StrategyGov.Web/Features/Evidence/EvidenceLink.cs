using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>Links given as evidence: absolute http or https addresses only (no javascript:, file:, data:).</summary>
public static class EvidenceLink
{
    public static string Validate(string? url)
    {
        var trimmed = url?.Trim() ?? string.Empty;
        return trimmed.Length <= 2000
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            ? uri.AbsoluteUri
            : throw new RuleViolationException("Evidence_LinkInvalid");
    }
}
