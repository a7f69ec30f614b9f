using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Components;

/// <summary>
/// Stored instants are UTC; pages show them in the platform's time zone (Asia/Riyadh, UTC+3) with the
/// Hijri date beside them. A submission made at 22:30 UTC was made at 01:30 the next day in Riyadh.
/// </summary>
public sealed class PlatformTimeTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>, IAsyncLifetime
{
    private static readonly DateTime LateEvening = new(2026, 12, 7, 22, 30, 0, DateTimeKind.Utc);

    private readonly AppComponentContext _ui = new(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task ReviewQueue_SubmittedAt2230Utc_ShowsRiyadhTimeOfTheNextDay()
    {
        await SubmittedAtAsync(LateEvening);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);

        var cut = _ui.Render<ReviewQueuePage>(p => p.AddCascadingValue(reviewer));
        var cell = cut.WaitForElement("[data-testid=submitted-at-MOH]");

        Assert.Equal("2026-12-08 01:30", Bidi.Strip(cell.TextContent));
        Assert.DoesNotContain("22:30", Bidi.Strip(cut.Markup), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_SubmittedAt2230Utc_ShowsRiyadhTimeAndHijriDate()
    {
        var submissionId = await SubmittedAtAsync(LateEvening);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);

        var cut = _ui.Render<ReviewPage>(p => p.Add(x => x.Id, submissionId).AddCascadingValue(reviewer));
        var cell = cut.WaitForElement("[data-testid=submitted-at]");

        Assert.Equal("2026-12-08 01:30", Bidi.Strip(cell.TextContent));
        // The Hijri date of the Riyadh day (the 8th), in the test's UI language.
        Assert.Matches("28 (جمادى الآخرة 1448 هـ|Jumada al-Akhirah 1448 AH)", cut.Markup);
    }

    [Theory]
    [InlineData("ar", "2026-12-08 01:30 (28 جمادى الآخرة 1448 هـ)")]
    [InlineData("en", "2026-12-08 01:30 (28 Jumada al-Akhirah 1448 AH)")]
    public void DateTimeWithHijri_LateEveningUtc_IsTheNextDayInBothCalendars(string language, string expected)
    {
        var time = app.Service<PlatformTime>();

        var text = time.DateTimeWithHijri(LateEvening, Bilingual.CreateCulture(language));

        Assert.Equal(expected, Bidi.Strip(text));
    }

    /// <summary>MOH's 2026-Q4 submission, submitted, with its submission time set to <paramref name="utc"/>.</summary>
    private async Task<int> SubmittedAtAsync(DateTime utc)
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        await using var db = await app.DbAsync();
        await db.Submissions.Where(s => s.Id == submissionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt, utc));
        return submissionId;
    }
}
