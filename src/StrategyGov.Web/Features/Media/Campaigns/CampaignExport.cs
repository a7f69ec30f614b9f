using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Campaigns;

/// <summary>The campaigns the actor may read as a workbook in the UI language: one row per campaign with its plan and results in figures.</summary>
public sealed class CampaignExport(CampaignService campaigns, IStringLocalizer<SharedResource> L)
{
    public async Task<FileDownload> ExportAsync(Actor actor, CancellationToken ct)
    {
        var rows = await campaigns.ListAsync(actor, new CampaignFilter(), ct);
        var sheet = new ExcelSheet(
            L["Media_Campaigns"].Value is { Length: <= 31 } name ? name : "Campaigns",
            (L["Campaign_Title"], 44), (L["Campaign_Lead"], 30), (L["Campaign_Partners"], 36), (L["Status"], 12), (L["Calendar_StartDate"], 12), (L["Calendar_EndDate"], 12),
            (L["Campaign_LaunchedOn"], 12), (L["Campaign_CompletedOn"], 12), (L["Campaign_EvaluatedOn"], 12), (L["Campaign_PlannedAtLaunch"], 14),
            (L["Campaign_Objectives"], 10), (L["Campaign_ObjectivesMet"], 10), (L["Campaign_BudgetPlanned"], 14), (L["Campaign_BudgetSpent"], 14), (L["Campaign_Currency"], 8));
        foreach (var r in rows)
        {
            sheet.Add(
                Bilingual.Pick(r.TitleAr, r.TitleEn), Bilingual.Pick(r.Lead.NameAr, r.Lead.NameEn), string.Join(" | ", r.Partners.Select(p => Bilingual.Pick(p.NameAr, p.NameEn))),
                L[MediaLabels.Key(r.Status)].Value, r.StartsOn, r.EndsOn, r.LaunchedOn, r.CompletedOn, r.EvaluatedOn,
                r.LaunchedOn is null ? null : L[r.PlannedAtLaunch ? "Yes" : "No"].Value,
                r.ObjectiveCount, r.ObjectivesMet, r.BudgetPlanned, r.BudgetSpent, r.Currency);
        }

        return sheet.ToFile("campaigns.xlsx");
    }
}
