using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
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
        var (fluId, fluFirstDay) = await FluCampaignAsync();
        var day = fluFirstDay.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 1. The director registers the campaign from the calendar page.
        var director = await browser.SignInAsync(DemoUsers.DirectorEast);
        await browser.GotoAsync(director, $"/calendar?date={day}");
        await director.GetByTestId("new-entry").ClickAsync();
        await director.GetByTestId("title-ar").FillAsync("حملة النظافة في المنطقة الشرقية");
        await director.GetByTestId("title-en").FillAsync(TitleEn);
        await director.GetByTestId("start-date").FillAsync(day);
        await director.GetByTestId("end-date").FillAsync(day);
        await director.GetByTestId("audience-general-public").CheckAsync();
        await director.GetByTestId("channel-SocialMedia").CheckAsync();
        await director.GetByTestId("high-profile").CheckAsync();
        await director.GetByTestId("entry-save").ClickAsync();
        await Assertions.Expect(director.GetByTestId("entry-save")).ToHaveCountAsync(0);
        var entryId = await EntryIdAsync();

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
        await browser.GotoAsync(reviewer, $"/calendar?date={day}");
        await Assertions.Expect(reviewer.GetByTestId($"entry-{entryId}").First).ToHaveAttributeAsync("data-clash", "true");
        await Assertions.Expect(reviewer.GetByTestId($"entry-{fluId}").First).ToHaveAttributeAsync("data-clash", "true");
        await Assertions.Expect(reviewer.GetByTestId($"clash-{entryId}-{fluId}")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByTestId($"clash-{fluId}-{entryId}")).ToBeVisibleAsync();
    }

    private async Task<(int Id, DateOnly FirstDay)> FluCampaignAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var flu = await db.CalendarEntries.SingleAsync(e => e.TitleEn == "National seasonal influenza vaccination campaign");
        var riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        return (flu.Id, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(flu.StartsAt, riyadh)));
    }

    private async Task<int> EntryIdAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.CalendarEntries.Where(e => e.TitleEn == TitleEn).Select(e => e.Id).SingleAsync();
    }
}
