using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The app with the open page's periodic session check ten minutes apart (the longest allowed), so that
/// only the check made before a change can notice a sign-out (the periodic one is tested with the users'
/// journey); and keeping nothing of a page that lost its connection, as after a restart.
/// </summary>
public sealed class SessionsFixture() : BrowserFixture(new StrategyGovAppFactory()
    .With("Users:CircuitRevalidationInterval", "00:10:00")
    .With("Circuits:DisconnectedCircuitMaxRetained", "0"));

/// <summary>
/// Issue 23 as a director meets it in Chromium (ADR 0100): numbers typed the Arabic way are stored as
/// meant, an ambiguous one is refused with the reason in the page's language and the stored value kept;
/// a page whose user signed out in another tab saves nothing more, goes to the sign-in page, and after
/// signing in again the answer typed meanwhile comes back from the tab's drafts and is saved; a page the
/// server no longer knows reloads itself and saves what was typed.
/// </summary>
public sealed class NumbersAndSessionsTests(SessionsFixture browser) : IClassFixture<SessionsFixture>
{
    private const string Percentage = "P1.3.2";

    [Fact]
    public Task ArabicDigits_AreSaved_AndADecimalComma_IsRefusedInArabicAndEnglish() =>
        browser.RunAsync(nameof(ArabicDigits_AreSaved_AndADecimalComma_IsRefusedInArabicAndEnglish), async () =>
        {
            var submissionId = await SubmissionAsync("MOH");
            var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
            await browser.GotoAsync(director, $"/submissions/{submissionId}");
            var answer = director.GetByTestId($"answer-{Percentage}");

            // "١٢٫٥": Arabic-Indic digits with the Arabic decimal sign are 12.5.
            await answer.GetByTestId("value").FillAsync("١٢٫٥");
            await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
            Assert.Equal(12.5m, await StoredValueAsync(submissionId));

            // "12,5" could be 125 or 12.5: refused, in Arabic, and the stored 12.5 stays.
            await answer.GetByTestId("value").FillAsync("12,5");
            await Assertions.Expect(answer.GetByTestId("not-saved")).ToBeVisibleAsync();
            await Assertions.Expect(answer).ToContainTextAsync("الفاصلة تفصل الآلاف فقط");
            Assert.Equal(12.5m, await StoredValueAsync(submissionId));

            // The same in English.
            await director.GotoAsync($"/culture/en?returnUrl=/submissions/{submissionId}");
            await BrowserFixture.WaitInteractiveAsync(director);
            answer = director.GetByTestId($"answer-{Percentage}");
            await answer.GetByTestId("value").FillAsync("12,5");
            await Assertions.Expect(answer).ToContainTextAsync("a comma only separates thousands");
            await answer.GetByTestId("value").FillAsync("٤٥");
            await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
            Assert.Equal(45m, await StoredValueAsync(submissionId));
        });

    [Fact]
    public Task SignedOutInAnotherTab_ThePageSavesNothing_AndWhatWasTypedComesBackAfterSigningIn() =>
        browser.RunAsync(nameof(SignedOutInAnotherTab_ThePageSavesNothing_AndWhatWasTypedComesBackAfterSigningIn), async () =>
        {
            var submissionId = await SubmissionAsync("MOH");
            var before = await StoredValueAsync(submissionId);
            var form = await browser.SignInAsync(DemoUsers.DirectorMoh);
            await browser.GotoAsync(form, $"/submissions/{submissionId}");
            await form.GetByTestId($"answer-{Percentage}").GetByTestId("value").WaitForAsync();

            // Another tab of the same browser signs out.
            var other = await form.Context.NewPageAsync();
            await browser.GotoAsync(other, "/");
            await other.GetByTestId("sign-out").ClickAsync();
            await other.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));

            // The open form: the next change is not saved under the old identity; the sign-in page says why.
            await form.GetByTestId($"answer-{Percentage}").GetByTestId("value").FillAsync("٧٧");
            await form.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
            await Assertions.Expect(form.GetByTestId("login-notice")).ToContainTextAsync("انتهت جلستك");
            Assert.Equal(before, await StoredValueAsync(submissionId));

            // Signing in again returns to the form, which restores what was typed and saves it.
            await form.GetByTestId("email").FillAsync(DemoUsers.DirectorMoh);
            await form.GetByTestId("password").FillAsync(DemoUsers.Password);
            await form.GetByTestId("sign-in").ClickAsync();
            await form.WaitForURLAsync($"**/submissions/{submissionId}");
            await BrowserFixture.WaitInteractiveAsync(form);
            var answer = form.GetByTestId($"answer-{Percentage}");
            await Assertions.Expect(answer.GetByTestId("draft-restored")).ToBeVisibleAsync();
            await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
            Assert.Equal(77m, await StoredValueAsync(submissionId));
        });

    [Fact]
    public Task ServerForgetsThePage_ItReloadsItself_AndWhatWasTypedIsSaved() =>
        browser.RunAsync(nameof(ServerForgetsThePage_ItReloadsItself_AndWhatWasTypedIsSaved), async () =>
        {
            var submissionId = await SubmissionAsync("MOH");
            var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
            await browser.GotoAsync(director, $"/submissions/{submissionId}");
            await director.GetByTestId($"answer-{Percentage}").GetByTestId("value").WaitForAsync();

            // The connection drops and the server keeps nothing of the page (as after a restart) while the
            // director types "٣٣": in one go, so that the page cannot reload before the keystroke lands.
            await director.EvaluateAsync("""
                () => {
                    window.Blazor._internal.forceCloseConnection();
                    const input = document.querySelector("[data-testid='answer-P1.3.2'] input");
                    input.value = '٣٣';
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                }
                """);

            // The page reloads itself into the same address, restores the typed answer and saves it.
            var answer = director.GetByTestId($"answer-{Percentage}");
            await Assertions.Expect(answer.GetByTestId("draft-restored")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(answer.GetByTestId("saved")).ToBeVisibleAsync();
            Assert.EndsWith($"/submissions/{submissionId}", director.Url, StringComparison.Ordinal);
            Assert.Equal(33m, await StoredValueAsync(submissionId));
        });

    private async Task<int> SubmissionAsync(string institution)
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Submissions
            .Where(s => s.Institution.Code == institution && s.Period.Code == "2026-Q4")
            .Select(s => s.Id)
            .SingleAsync();
    }

    private async Task<decimal?> StoredValueAsync(int submissionId)
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Answers
            .Where(a => a.SubmissionId == submissionId && a.Indicator.Code == Percentage)
            .Select(a => a.Value)
            .SingleOrDefaultAsync();
    }
}
