using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Issue 4 in Chromium: the director of AMN-EAST, whose spokesperson left, names a new spokesperson
/// and deputy; the center's national register then shows the vacancy closed, with the new contacts.
/// </summary>
public sealed class RoleRegisterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewSpokesperson = "م. عبدالله بن فهد الشهري";

    [Fact]
    public Task Register_DirectorAssignsSpokesperson_CenterSeesVacancyClosed() =>
        browser.RunAsync(nameof(Register_DirectorAssignsSpokesperson_CenterSeesVacancyClosed), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        // The center sees the vacancy first.
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await reviewer.GetByTestId("nav-register").ClickAsync();
        await reviewer.WaitForURLAsync("**/roles/register");
        await BrowserFixture.WaitInteractiveAsync(reviewer);
        var cell = reviewer.GetByTestId("cell-AMN-EAST-SPOKESPERSON");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-vacant", "true");

        // The director names the new spokesperson and a deputy from the institution's register.
        var director = await browser.SignInAsync(DemoUsers.DirectorEast);
        await director.GetByTestId("nav-my-roles").ClickAsync();
        await director.WaitForURLAsync("**/roles/mine");
        await BrowserFixture.WaitInteractiveAsync(director);
        var slot = director.GetByTestId("slot-SPOKESPERSON");
        await Assertions.Expect(slot).ToHaveAttributeAsync("data-gap", "true");

        await slot.GetByTestId("assign").ClickAsync();
        var editor = slot.GetByTestId("assignment-editor");
        await editor.GetByTestId("person-name").FillAsync(NewSpokesperson);
        await editor.GetByTestId("person-title").FillAsync("المتحدث الرسمي للأمانة");
        await editor.GetByTestId("person-email").FillAsync("a.alshehri@east.gov.example");
        await editor.GetByTestId("person-phone").FillAsync("+966 13 833 4100");
        await editor.GetByTestId("deputy-name").FillAsync("سارة بنت محمد القحطاني");
        await editor.GetByTestId("deputy-phone").FillAsync("+966 13 833 4101");
        await editor.GetByTestId("save-assignment").ClickAsync();

        await Assertions.Expect(slot).ToHaveAttributeAsync("data-gap", "false");
        await Assertions.Expect(slot.GetByTestId("holder-name")).ToHaveTextAsync(NewSpokesperson);

        // The center's register, reloaded, shows the role filled with the new contacts.
        await browser.GotoAsync(reviewer, "/roles/register");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-vacant", "false");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-gap", "false");
        await Assertions.Expect(cell).ToContainTextAsync(NewSpokesperson);
        await Assertions.Expect(cell).ToContainTextAsync("+966 13 833 4100");
    }
}
