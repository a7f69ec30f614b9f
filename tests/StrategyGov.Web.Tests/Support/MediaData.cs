using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Media;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Media.Campaigns;
using StrategyGov.Web.Features.Media.Interactions;

namespace StrategyGov.Web.Tests.Support;

/// <summary>The seeded media records (seed-data/media.json) by their English names, and forms for tests.</summary>
public static class MediaData
{
    public const string Salim = "Salim Al Busaidi";
    public const string Maryam = "Maryam Al Shukaili";
    public const string Fahad = "Fahad Al Otaibi";
    public const string Noura = "Noura Al Qahtani";
    public const string NationalTv = "National Television";
    public const string Watan = "Al Watan Al Jadeed daily";
    public const string FluCampaign = "National seasonal influenza vaccination campaign";
    public const string HeatCampaign = "Heat stress prevention campaign";
    public const string DiabetesCampaign = "Diabetes awareness campaign";
    public const string MunicipalCampaign = "Municipal transformation programme awareness campaign";
    public const string HumanisingCampaign = "Humanising neighbourhoods campaign";

    public static async Task<int> JournalistIdAsync(this StrategyGovAppFactory app, string nameEn)
    {
        await using var db = await app.DbAsync();
        return await db.Journalists.Where(j => j.NameEn == nameEn).Select(j => j.Id).SingleAsync();
    }

    public static async Task<int> OutletIdAsync(this StrategyGovAppFactory app, string nameEn)
    {
        await using var db = await app.DbAsync();
        return await db.MediaOutlets.Where(o => o.NameEn == nameEn).Select(o => o.Id).SingleAsync();
    }

    public static async Task<int> CampaignIdAsync(this StrategyGovAppFactory app, string titleEn)
    {
        await using var db = await app.DbAsync();
        return await db.CampaignPlans.Where(c => c.TitleEn == titleEn).Select(c => c.Id).SingleAsync();
    }

    public static async Task<InteractionForm> PressConferenceAsync(this StrategyGovAppFactory app, DateOnly on, string topic = "مؤتمر صحفي عن مستجدات الخدمات")
    {
        return new InteractionForm
        {
            Kind = InteractionKind.PressConference,
            OccurredOn = on,
            Topic = topic,
            SeniorOfficial = "المتحدث الرسمي",
            JournalistIds = [await app.JournalistIdAsync(Salim), await app.JournalistIdAsync(Maryam)],
        };
    }

    /// <summary>A plan with one SMART objective and a named audience.</summary>
    public static CampaignForm Plan(string titleEn, DateOnly starts, DateOnly ends, params string[] audiences) => new()
    {
        TitleAr = "حملة اختبار: " + titleEn,
        TitleEn = titleEn,
        StartsOn = starts,
        EndsOn = ends,
        AudienceCodes = audiences,
        Strategy = "رسائل قصيرة عبر القنوات الرقمية",
        BudgetPlanned = "١٢٠٠٠٠",
        Currency = "sar",
    };

    public static ObjectiveForm Objective(string target = "60", string? result = null, int? id = null) => new()
    {
        Id = id,
        Statement = "رفع نسبة المعرفة بالخدمة",
        Metric = "نسبة المعرفة في الاستطلاع",
        Unit = "%",
        Baseline = "40",
        Target = target,
        Result = result,
    };
}
