using System.Buffers.Text;
using System.Security.Cryptography;

namespace StrategyGov.Web.Hosting;

/// <summary>
/// The browser-side protections sent with every response, pages, static files, API answers, PDFs and
/// downloads alike (ADR 0102). Scripts run only from the app's own files, plus inline ones carrying this
/// request's nonce (Blazor's import map); styles allow inline ones because MudBlazor sets style attributes.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "sg:csp-nonce";

    public static void UseStrategyGovSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        // Set when the response starts, so that the exception handler and the status-code pages, which
        // clear the headers of the response they replace, send them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A file served as "sandbox" (never run) keeps its own; anything else (Blazor's frame-ancestors) is replaced.
            if (!headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = Policy(NonceOf(context));
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // A stricter policy an endpoint set itself (account links carry a token: no-referrer) stays.
            if (string.IsNullOrEmpty(headers["Referrer-Policy"]))
            {
                headers["Referrer-Policy"] = "same-origin";
            }

            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>This request's nonce for an inline script (a new random value on every request).</summary>
    public static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        // base64url: letters, digits, '-' and '_' only, which Razor writes into the attribute unencoded ('+' would
        // come out as &#x2B;), so the markup carries the nonce exactly as the header does.
        nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>
    /// connect-src 'self' covers Blazor's WebSocket to the same host; img-src data: the inline SVG and
    /// MudBlazor's icons; form-action 'self' the sign-in and sign-out forms.
    /// </summary>
    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'";
}
