using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The Content-Security-Policy (ADR 0102) as Chromium enforces it: every page of every role, in Arabic and
/// English, opens and becomes interactive without a single violation; a PDF printed by the server still
/// downloads; the reconnect dialog still shows. Violations are collected from the pages' own
/// <c>securitypolicyviolation</c> events, and the collector is shown to catch one.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] CenterPages =
    [
        "/", "/periods", "/review", "/framework", "/institutions", "/institutions/types", "/users", "/audit", "/downloads",
        "/notifications", "/objections", "/calendar", "/council", "/council/decisions", "/inquiries", "/inquiries/league",
        "/inquiries/settings", "/media/relations", "/media/journalists", "/media/outlets", "/media/interactions",
        "/media/campaigns", "/raci", "/roles/catalog", "/roles/register", "/crisis/readiness", "/status", "/api-tokens",
        "/account/password", "/no-such-page",
    ];

    private static readonly string[] InstitutionPages = ["/", "/team", "/raci/mine", "/roles/mine", "/crisis/mine", "/downloads"];

    [Fact]
    public Task EveryPage_OfEveryRole_InBothLanguages_OpensWithoutAViolation() =>
        browser.RunAsync(nameof(EveryPage_OfEveryRole_InBothLanguages_OpensWithoutAViolation), async () =>
        {
            var violations = new List<string>();
            await VisitSignedOutAsync(violations);

            foreach (var (email, pages) in new[] { (DemoUsers.Admin, CenterPages), (DemoUsers.DirectorMoh, InstitutionPages) })
            {
                var page = await SignInWatchedAsync(email, violations);
                foreach (var language in new[] { "ar", "en" })
                {
                    await page.GotoAsync($"/culture/{language}?returnUrl=/");
                    foreach (var path in pages)
                    {
                        await page.GotoAsync(path);

                        // The account pages are plain HTTP forms (they set cookies), never interactive.
                        if (!path.StartsWith("/account/", StringComparison.Ordinal))
                        {
                            await BrowserFixture.WaitInteractiveAsync(page);
                        }
                    }
                }

                await page.Context.CloseAsync();
            }

            Assert.Empty(violations);
        });

    [Fact]
    public Task PdfDownload_AndReconnectDialog_WorkUnderThePolicy() =>
        browser.RunAsync(nameof(PdfDownload_AndReconnectDialog_WorkUnderThePolicy), async () =>
        {
            var violations = new List<string>();
            var official = await SignInWatchedAsync(DemoUsers.Official, violations);
            await browser.GotoAsync(official, "/downloads");
            var period = official.GetByTestId("period-2026-Q3");

            var download = await BrowserFixture.DownloadAsync(official, () => period.Locator("[data-testid^=pdf-en-]").First.ClickAsync());
            var file = Path.Combine(browser.App.Folder, $"csp-{Guid.NewGuid():N}.pdf");
            await download.SaveAsAsync(file);
            var pdf = await File.ReadAllBytesAsync(file);

            // The dialog may show for only a moment before Blazor reconnects: reconnect.js leaves its state behind.
            var dialog = official.Locator("#components-reconnect-modal");
            await official.EvaluateAsync("() => window.Blazor._internal.forceCloseConnection()");
            await Assertions.Expect(dialog).ToHaveAttributeAsync("data-state", "show");
            await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 60_000 });
            await browser.GotoAsync(official, "/notifications");

            Assert.True(await PdfTools.IsTaggedAsync(pdf));
            Assert.Matches(@"Page\s+1\s+of\s+\d+", await PdfTools.TextAsync(pdf));
            Assert.Empty(violations);
        });

    [Fact]
    public Task InlineScriptWithoutTheNonce_IsBlocked_AndCollected() =>
        browser.RunAsync(nameof(InlineScriptWithoutTheNonce_IsBlocked_AndCollected), async () =>
        {
            var violations = new List<string>();
            var page = await SignInWatchedAsync(DemoUsers.Official, violations);

            await page.EvaluateAsync("""
                () => {
                    const script = document.createElement('script');
                    script.textContent = 'window.injected = true';
                    document.body.appendChild(script);
                }
                """);

            await Assertions.Expect(page.Locator("body")).ToBeVisibleAsync();
            Assert.Null(await page.EvaluateAsync<bool?>("() => window.injected ?? null"));
            await WaitForAsync(() => violations.Count > 0);
            Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal));
        });

    private async Task VisitSignedOutAsync(List<string> violations)
    {
        var context = await NewWatchedContextAsync(violations);
        var page = await context.NewPageAsync();

        // The first page a fresh server renders may wait for its warm-up on a busy machine.
        await page.GotoAsync("/account/login", new() { Timeout = 60_000 });
        foreach (var path in new[] { "/account/forgot-password", "/culture/en?returnUrl=/account/login", "/account/login" })
        {
            await page.GotoAsync(path);
        }

        await context.CloseAsync();
    }

    private async Task<IPage> SignInWatchedAsync(string email, List<string> violations) =>
        await browser.SignInAsync(email, await NewWatchedContextAsync(violations));

    /// <summary>A context whose every page reports its CSP violations and script errors into the list.</summary>
    private async Task<IBrowserContext> NewWatchedContextAsync(List<string> violations)
    {
        var context = await browser.NewContextAsync();
        await context.ExposeBindingAsync("__sgCspViolation", (BindingSource source, string violation) =>
        {
            lock (violations)
            {
                violations.Add($"{violation} on {source.Page?.Url}");
            }
        });
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.__sgCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        context.Page += (_, page) => page.PageError += (_, error) =>
        {
            lock (violations)
            {
                violations.Add($"script error {error} on {page.Url}");
            }
        };
        return context;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
