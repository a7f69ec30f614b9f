using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The center administrator maintains the strategy in Chromium: copies the published version into a
/// new draft, adds an indicator in the tree editor, publishes the draft, and finds it read-only.
/// </summary>
public sealed class FrameworkEditorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Admin_CreatesDraft_AddsIndicator_Publishes() =>
        browser.RunAsync(nameof(Admin_CreatesDraft_AddsIndicator_Publishes), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await admin.GetByTestId("nav-framework").ClickAsync();
        await admin.GetByTestId("new-version").ClickAsync();
        await admin.GetByTestId("create-draft").ClickAsync();
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/framework/\d+$"));
        await Assertions.Expect(admin.Locator("[data-version-status=Draft]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("validation-ok")).ToBeVisibleAsync();

        // A new indicator under practice P1.1: the editor proposes the next code.
        await admin.GetByTestId("add-indicator-P1.1").ClickAsync();
        var editor = admin.GetByTestId("indicator-editor");
        await Assertions.Expect(editor.GetByTestId("node-code")).ToHaveValueAsync("P1.1.4");
        await editor.GetByTestId("node-name-ar").FillAsync("نشر دليل الهوية الاتصالية للجهة على موظفيها");
        await editor.GetByTestId("node-name-en").FillAsync("The institution's communication identity guide is published to its staff");
        await editor.GetByTestId("node-weight").FillAsync("2");
        await admin.GetByTestId("save-node").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("tree-P1.1.4")).ToContainTextAsync("دليل الهوية الاتصالية");
        await Assertions.Expect(admin.GetByTestId("validation-ok")).ToBeVisibleAsync();

        await admin.GetByTestId("publish").ClickAsync();
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "نشر الإصدار" }).ClickAsync();

        await Assertions.Expect(admin.Locator("[data-version-status=Published]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("add-pillar")).ToHaveCountAsync(0);
        var versionId = int.Parse(admin.Url[(admin.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var stored = await db.StrategyVersions.Where(v => v.Id == versionId)
            .Select(v => new { v.Status, Indicators = v.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).Count() })
            .SingleAsync();
        Assert.Equal((StrategyStatus.Published, 62), (stored.Status, stored.Indicators));
    }
}
