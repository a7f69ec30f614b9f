using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>An app whose open pages re-check their user every two seconds, so a deactivation shows at once.</summary>
public sealed class UsersBrowserFixture() : BrowserFixture(new StrategyGovAppFactory().With("Users:CircuitRevalidationInterval", "00:00:02"));

/// <summary>
/// User administration as people do it, in Chromium and in Arabic: the center's administrator invites a
/// contributor (no e-mail configured, so the link is shown once), the contributor opens the link, chooses a
/// password and signs in; the administrator deactivates the account, the contributor's open page loses its
/// session at once and signing in again is refused. The director's team page is then read in English.
/// </summary>
public sealed class UserAdministrationTests(UsersBrowserFixture browser) : IClassFixture<UsersBrowserFixture>
{
    private const string Email = "hessa.journey@moh.gov.sa";
    private const string Password = "Journey#Pass2026";

    [Fact]
    public Task Invite_SetPassword_SignIn_Deactivate_Refused() =>
        browser.RunAsync(nameof(Invite_SetPassword_SignIn_Deactivate_Refused), JourneyAsync);

    [Fact]
    public Task TeamPage_InEnglish_ListsOnlyTheDirectorsInstitution() =>
        browser.RunAsync(nameof(TeamPage_InEnglish_ListsOnlyTheDirectorsInstitution), TeamInEnglishAsync);

    private async Task JourneyAsync()
    {
        // 1. The administrator creates the account: a contributor of the Ministry of Health.
        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await admin.GetByTestId("nav-users").ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("المستخدمون");
        await admin.GetByTestId("new-user").ClickAsync();
        var dialog = admin.GetByTestId("user-dialog");
        await dialog.GetByTestId("user-name").FillAsync("حصة المالكي");
        await dialog.GetByTestId("user-email").FillAsync(Email);
        await dialog.GetByTestId("user-phone").FillAsync("٠٥٠٩٨٧٦٥٤٣");
        await dialog.GetByTestId("role-InstitutionContributor").CheckAsync();

        // The institution field opens once the server has seen the institution role; the choice shows once it has taken it.
        await Assertions.Expect(dialog.GetByTestId("user-institution")).ToBeEnabledAsync();
        await dialog.GetByTestId("user-institution").ClickAsync();
        await admin.Locator(".mud-popover-open").GetByText("MOH —").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("user-institution")).ToContainTextAsync("MOH —");
        await Screenshot(admin, "users-dialog-ar");
        await admin.GetByTestId("user-save").ClickAsync();

        // No e-mail here: the link is shown this once.
        var shown = admin.GetByTestId("issued-link");
        await Assertions.Expect(shown).ToHaveValueAsync(new Regex("/account/link\\?token=sgl_[0-9a-f]{64}$"));
        var link = await shown.InputValueAsync();
        await Screenshot(admin, "users-link-once-ar");
        await admin.GetByTestId("link-done").ClickAsync();
        var row = admin.GetByTestId($"user-{Email}").Locator("xpath=..");
        await Assertions.Expect(row.Locator("[data-state=Invited]")).ToHaveTextAsync("مدعو");

        // 2. The contributor opens the link, is refused a weak password, then sets a good one.
        var invitee = await NewPageAsync();
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.Locator("h1")).ToHaveTextAsync("مرحبًا بك — اختر كلمة المرور");
        await Assertions.Expect(invitee.GetByTestId("link-for")).ToContainTextAsync("حصة المالكي");
        await Assertions.Expect(invitee).ToHaveURLAsync(new Regex("/account/set-password$"));
        await invitee.GetByTestId("new-password").FillAsync("weakpassword");
        await invitee.GetByTestId("repeat-password").FillAsync("weakpassword");
        await invitee.GetByTestId("save-password").ClickAsync();
        await Assertions.Expect(invitee.GetByTestId("password-problems")).ToContainTextAsync("حرف لاتيني كبير");
        await Screenshot(invitee, "set-password-refused-ar");
        await invitee.GetByTestId("new-password").FillAsync(Password);
        await invitee.GetByTestId("repeat-password").FillAsync(Password);
        await invitee.GetByTestId("save-password").ClickAsync();
        await Assertions.Expect(invitee.GetByTestId("login-notice")).ToHaveTextAsync("عُيّنت كلمة المرور. ادخل بها الآن.");

        // 3. She signs in with it.
        await SignInAsync(invitee);
        await invitee.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await BrowserFixture.WaitInteractiveAsync(invitee);
        await Assertions.Expect(invitee.GetByTestId("user-name")).ToHaveTextAsync("حصة المالكي");

        // 4. The administrator sees her active, with her last sign-in in Gregorian and Hijri, and deactivates her.
        await browser.GotoAsync(admin, "/users");
        await admin.GetByTestId("user-search").FillAsync("حصة");
        await Assertions.Expect(admin.GetByTestId("users")).ToContainTextAsync("عدد المستخدمين: 1");
        await Assertions.Expect(row.Locator("[data-state=Active]")).ToHaveTextAsync("نشط");
        await Assertions.Expect(row.GetByTestId("last-sign-in")).ToHaveTextAsync(new Regex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"));
        await Assertions.Expect(row).ToContainTextAsync("هـ");
        await Screenshot(admin, "users-ar");
        await row.GetByTestId("deactivate").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-dialog")).ToContainTextAsync("حصة المالكي");
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "إيقاف الحساب" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-state=Deactivated]")).ToHaveTextAsync("موقوف");

        // 5. Her open page loses its session without her doing anything, and signing in again is refused.
        await invitee.WaitForURLAsync(new Regex("/account/login"));
        await SignInAsync(invitee);
        await Assertions.Expect(invitee.GetByTestId("login-error")).ToContainTextAsync("البريد الإلكتروني أو كلمة المرور غير صحيحة");
        await Screenshot(invitee, "login-refused-ar");
    }

    private async Task TeamInEnglishAsync()
    {
        var director = await browser.SignInAsync(DemoUsers.DirectorEast);
        await director.GotoAsync("/culture/en?returnUrl=/team");
        await BrowserFixture.WaitInteractiveAsync(director);

        await Assertions.Expect(director.Locator("h1")).ToHaveTextAsync("Our team");
        await Assertions.Expect(director.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Assertions.Expect(director.GetByTestId("team")).ToContainTextAsync(DemoUsers.DirectorEast);
        await Assertions.Expect(director.GetByTestId("team")).Not.ToContainTextAsync(DemoUsers.ContributorMoh);
        await director.GetByTestId("invite-name").FillAsync("Noura Al-Qahtani");
        await director.GetByTestId("invite-email").FillAsync("noura.team@east.gov.sa");
        await director.GetByTestId("invite").ClickAsync();
        await Assertions.Expect(director.GetByTestId("issued-link")).ToHaveValueAsync(new Regex("token=sgl_"));
        await director.GetByTestId("link-done").ClickAsync();
        await Assertions.Expect(director.GetByTestId("user-noura.team@east.gov.sa").Locator("xpath=..")).ToContainTextAsync("Contributor (institution)");
        await Screenshot(director, "team-en");

        // Her own password is changed from the key in the app bar.
        await director.GetByTestId("change-password").ClickAsync();
        await Assertions.Expect(director.Locator("h1")).ToHaveTextAsync("Change my password");
        await Assertions.Expect(director.GetByTestId("current-password")).ToBeVisibleAsync();
        await Screenshot(director, "change-password-en");

        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await admin.GotoAsync("/culture/en?returnUrl=/users");
        await BrowserFixture.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Users");
        await Assertions.Expect(admin.GetByTestId("user-noura.team@east.gov.sa").Locator("xpath=..")).ToContainTextAsync("Invited");
        await Screenshot(admin, "users-en");
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GetByTestId("email").FillAsync(Email);
        await page.GetByTestId("password").FillAsync(Password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("STRATEGYGOV_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }
}
