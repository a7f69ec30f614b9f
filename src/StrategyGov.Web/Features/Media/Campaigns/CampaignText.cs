using System.Globalization;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Media.Campaigns;

/// <summary>Figures of a campaign as pages and the PDF write them (numbers left to right inside Arabic).</summary>
public static class CampaignText
{
    public static string Number(decimal? value) =>
        value is { } v ? Bidi.Ltr(v.ToString(v == decimal.Truncate(v) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture)) : "—";

    /// <summary>"≥ 60" or "≤ 3,000", kept left to right: inside Arabic the bidi algorithm would mirror ≥ into ≤.</summary>
    public static string Target(decimal? target, bool higherIsBetter) =>
        target is null ? "—" : Bidi.Ltr($"{(higherIsBetter ? "≥" : "≤")} {Number(target)}");

    public static string Budget(CampaignRow row) =>
        row.BudgetPlanned is null && row.BudgetSpent is null
            ? "—"
            : $"{Number(row.BudgetSpent)} / {Number(row.BudgetPlanned)} {Bidi.Ltr(row.Currency)}";

    public static string Coverage(CoverageSummary summary, IStringLocalizer localizer) =>
        summary.Items == 0
            ? "—"
            : localizer["Campaign_CoverageLine", summary.Items, summary.Positive, summary.Neutral, summary.Negative, Number(summary.Reach)];
}
