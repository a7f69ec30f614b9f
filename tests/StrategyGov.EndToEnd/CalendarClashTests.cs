using System.Globalization;
using Microsoft.Playwright;
using StrategyGov.Data.Calendar;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The unified calendar in Chromium: the Eastern Province Municipality's director registers a
/// high-profile campaign for the general public on days the Ministry of Health's confirmed national
/// campaign already holds; the director is warned at once, and the center sees the clash flagged.
/// </summary>
public sealed class CalendarClashTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string TitleEn = "Eastern Province cleanliness campaign";

    [Fact]
    public Task Calendar_DirectorRegistersClashingCampaign_CenterSeesTheFlag() =>
        browser.RunAsync(nameof(Calendar_DirectorRegistersClashingCampaign_CenterSeesTheFlag), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var (fluId, fluFirstDay) = await Journeys.FluCampaignAsync(browser.App);
        var day = fluFirstDay.AddDays(2);

        // 1. The director registers the campaign from the calendar page.
        var director = await browser.SignInAsync(DemoUsers.DirectorEast);
        var entryId = await Journeys.RegisterCampaignAsync(browser, director, day, "حملة النظافة في المنطقة الشرقية", TitleEn);

        // The director's own calendar flags the new draft and lists the clash with a free date.
        var chip = director.GetByTestId($"entry-{entryId}").First;
        await Assertions.Expect(chip).ToHaveAttributeAsync("data-clash", "true");
        await Assertions.Expect(director.GetByTestId($"clash-{entryId}-{fluId}")).ToBeVisibleAsync();

        // 2. The director confirms it from its details.
        await chip.ClickAsync();
        await Assertions.Expect(director.GetByTestId("clash-alert")).ToBeVisibleAsync();
        await director.GetByTestId("entry-confirm").ClickAsync();
        await Assertions.Expect(director.GetByTestId($"entry-{entryId}").First).ToHaveAttributeAsync("data-status", nameof(CalendarEntryStatus.Confirmed));

        // 3. The center sees the clash flagged on both entries and in its clash list.
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await browser.GotoAsync(reviewer, $"/calendar?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await Assertions.Expect(reviewer.GetByTestId($"entry-{entryId}").First).ToHaveAttributeAsync("data-clash", "true");
        await Assertions.Expect(reviewer.GetByTestId($"entry-{fluId}").First).ToHaveAttributeAsync("data-clash", "true");
        await Assertions.Expect(reviewer.GetByTestId($"clash-{entryId}-{fluId}")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByTestId($"clash-{fluId}-{entryId}")).ToBeVisibleAsync();
    }
}
