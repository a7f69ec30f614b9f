using System.Net;
using System.Text.RegularExpressions;
using StrategyGov.Testing;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Every kind of response carries the browser-side protections (ADR 0102): pages, static files, API
/// answers, error pages, PDFs and workbook downloads; a page's inline script runs only with the nonce of
/// its own response.
/// </summary>
public sealed partial class SecurityHeadersTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/api/v1/periods")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task AnonymousResponse_CarriesEveryHeader(string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        AssertProtected(response);
    }

    [Fact]
    public async Task SignedInPageApiPdfAndWorkbook_CarryEveryHeader()
    {
        var client = await app.SignedInClientAsync(DemoUsers.Official);
        var mohId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var responses = new[]
        {
            await client.GetAsync("/"),
            await client.GetAsync("/api/v1/periods"),
            await client.GetAsync($"/reports/institutions/{mohId}/periods/{periodId}/report.pdf?lang=en"),
            await client.GetAsync($"/excel/periods/{periodId}/export.xlsx?lang=en"),
        };

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.All(responses, AssertProtected);
    }

    [Fact]
    public async Task Page_ItsInlineScriptCarriesTheNonceOfItsOwnResponse()
    {
        var client = app.CreateClient();

        var first = await client.GetAsync("/account/login");
        var second = await client.GetAsync("/account/login");
        var html = await first.Content.ReadAsStringAsync();

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        Assert.Matches("^[A-Za-z0-9_-]+$", nonce);
        Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
    }

    private static void AssertProtected(HttpResponseMessage response)
    {
        var path = response.RequestMessage?.RequestUri?.PathAndQuery;
        var policy = Header(response, "Content-Security-Policy");
        Assert.True(policy is not null, $"{path}: no Content-Security-Policy");
        Assert.Contains("script-src 'self' 'nonce-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline' 'nonce", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static string NonceOf(HttpResponseMessage response) =>
        PolicyNonce().Match(Header(response, "Content-Security-Policy") ?? string.Empty).Groups[1].Value;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex PolicyNonce();

    // A script element without a src attribute: an inline script (the import map).
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
