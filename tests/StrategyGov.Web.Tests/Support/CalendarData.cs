using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Calendar;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Calendar;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Seeded calendar entries by their English title, and entry forms for tests.</summary>
public static class CalendarData
{
    public const string FluCampaign = "National seasonal influenza vaccination campaign";
    public const string CapitalFestival = "Capital parks and public spaces festival";
    public const string MohStaffMeetingDraft = "Monthly staff meeting with leadership";
    public const string EastDraft = "Humanising neighbourhoods campaign";

    public static async Task<CalendarEntry> EntryAsync(this StrategyGovAppFactory app, string titleEn)
    {
        await using var db = await app.DbAsync();
        return await db.CalendarEntries.AsNoTracking().Include(e => e.Audiences).SingleAsync(e => e.TitleEn == titleEn);
    }

    public static async Task<int> AudienceIdAsync(this StrategyGovAppFactory app, string code)
    {
        await using var db = await app.DbAsync();
        return await db.CalendarAudiences.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    public static async Task<CalendarEntryForm> FormAsync(this StrategyGovAppFactory app, string titleEn, DateOnly start, DateOnly end, bool highProfile = true, string audience = "general-public")
    {
        await using var db = await app.DbAsync();
        return new CalendarEntryForm
        {
            TitleAr = "حملة اختبار: " + titleEn,
            TitleEn = titleEn,
            Kind = CalendarEntryKind.Campaign,
            PillarId = await db.Pillars.Where(p => p.Code == "P6").Select(p => p.Id).SingleAsync(),
            AudienceIds = [await app.AudienceIdAsync(audience)],
            Channels = [CalendarChannel.SocialMedia],
            IsAllDay = true,
            StartDate = start,
            EndDate = end,
            IsHighProfile = highProfile,
        };
    }
}
