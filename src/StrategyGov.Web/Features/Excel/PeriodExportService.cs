using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Excel;

/// <summary>
/// The raw answers and every computed score of a period in one workbook, a sheet per level. Center staff
/// and officials get every institution; an institution user gets its own institution's rows only
/// (ADR 0050).
/// </summary>
public sealed class PeriodExportService(
    ScoreService scores,
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    IStringLocalizer<SharedResource> localizer,
    IOptions<PlatformOptions> platform,
    PlatformTime time,
    TimeProvider clock)
{
    public async Task<FileDownload> ExportAsync(Actor actor, int periodId, string language, CancellationToken ct)
    {
        IReadOnlyList<ScoreboardEntry> entries;
        PeriodScores period;
        if (actor.SeesAllInstitutions)
        {
            period = await scores.GetPeriodAsync(actor, periodId, ct);
            entries = period.Board.Entries;
        }
        else if (actor.IsInstitutionUser)
        {
            var own = await scores.GetInstitutionAsync(actor, actor.InstitutionId!.Value, periodId, ct);
            period = own.Period;
            entries = [own.Entry];
        }
        else
        {
            throw new AccessDeniedException();
        }

        var submissionIds = entries.Select(e => period.InstitutionOf(e).SubmissionId).ToHashSet();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.Submission.PeriodId == periodId && submissionIds.Contains(a.SubmissionId))
            .Select(a => new ExportedAnswer(a.SubmissionId, a.Indicator.Code, a.Value, a.NotApplicable, a.Justification, a.Comment, a.Decision, a.VerifiedValue, a.ReviewComment))
            .ToListAsync(ct);

        var version = await db.StrategyVersions.AsNoTracking()
            .Where(v => v.Id == period.Period.StrategyVersionId)
            .Select(v => new VersionFacts(v.Code, v.Version, v.NameAr, v.NameEn, v.PublishedAt))
            .SingleAsync(ct);

        var culture = ReportService.CultureOf(language);
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var workbook = new XLWorkbook();
            var writer = new Writer(workbook, period, entries, localizer, Bilingual.IsArabic(culture));
            writer.Summary(version, actor.SeesAllInstitutions,
                Bidi.Strip(FiguresStatus.Of(period).Describe(localizer, time)),
                Bidi.Strip(time.DateTimeWithHijri(clock.GetUtcNow().UtcDateTime)) + $" ({platform.Value.TimeZone})",
                version.PublishedAt is { } published ? Bidi.Strip(time.DateWithHijri(published)) : null);
            writer.Answers(answers);
            writer.Indicators();
            writer.Practices();
            writer.Pillars();
            writer.Institutions();
            writer.Weights();
            return FileDownload.Xlsx(ExcelSheets.Save(workbook), $"StrategyGov-{period.Period.Code}-{culture.TwoLetterISOLanguageName}.xlsx");
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private sealed record VersionFacts(string Code, int Version, string NameAr, string NameEn, DateTime? PublishedAt);

    private sealed record ExportedAnswer(
        int SubmissionId, string Code, decimal? Value, bool NotApplicable, string? Justification, string? Comment,
        ReviewDecision? Decision, decimal? VerifiedValue, string? ReviewComment);

    private sealed class Writer(XLWorkbook workbook, PeriodScores period, IReadOnlyList<ScoreboardEntry> entries, IStringLocalizer L, bool arabic)
    {
        private string Pick(string ar, string en) => arabic ? ar : en;

        private string Label(string code)
        {
            var label = period.Framework.Label(code);
            return Pick(label.NameAr, label.NameEn);
        }

        private IXLWorksheet Sheet(string nameKey, params string[] headerKeys) =>
            ExcelSheets.Add(workbook, L[nameKey], arabic, [L["Col_InstitutionCode"], L["Col_Institution"], .. headerKeys.Select(k => (string)L[k])]);

        // Institution code and name in the first two columns of every sheet.
        private void Who(IXLWorksheet sheet, int row, InstitutionInPeriod institution)
        {
            ExcelSheets.Text(sheet.Cell(row, 1), institution.Code);
            ExcelSheets.Text(sheet.Cell(row, 2), Pick(institution.NameAr, institution.NameEn));
        }

        /// <summary>
        /// What an analyst needs before the rows: the period, the strategy version the scores are computed on, the
        /// national index (center and officials only) or the institution's own score, and when and from what the
        /// workbook was made.
        /// </summary>
        public void Summary(VersionFacts version, bool national, string status, string producedAt, string? versionPublished)
        {
            var sheet = ExcelSheets.Add(workbook, L["Excel_SheetSummary"], arabic, [L["Excel_Item"], L["Excel_Value"]]);
            var row = 2;
            void Line(string key, string? text)
            {
                ExcelSheets.Text(sheet.Cell(row, 1), L[key]);
                ExcelSheets.Text(sheet.Cell(row, 2), text);
                row++;
            }

            void Score(string key, decimal? score)
            {
                ExcelSheets.Text(sheet.Cell(row, 1), L[key]);
                ExcelSheets.Score(sheet.Cell(row, 2), score);
                row++;
            }

            var info = period.Period;
            Line("Period", info.Code);
            Line("Excel_PeriodStatus", L[$"PeriodStatus_{info.Status}"]);
            Line("Excel_PeriodDates", FormattableString.Invariant($"{info.OpensOn:yyyy-MM-dd} – {info.DueOn:yyyy-MM-dd} – {info.ClosesOn:yyyy-MM-dd}"));
            Line("Excel_StrategyVersion", FormattableString.Invariant($"{Pick(version.NameAr, version.NameEn)} ({version.Code} v{version.Version})"));
            Line("Excel_VersionPublishedOn", versionPublished);
            Line("Excel_ScoresFrom", status);
            if (national)
            {
                Score("Excel_NationalIndexVerified", period.Board.National.Verified);
                Score("Excel_NationalIndexSelf", period.Board.National.SelfReported);
                Line("Excel_InstitutionsExpected", period.Institutions.Count.ToString(CultureInfo.InvariantCulture));
                Line("Excel_InstitutionsScored", period.Board.National.Institutions.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                var own = entries.Single();
                Line("Col_Institution", Pick(period.InstitutionOf(own).NameAr, period.InstitutionOf(own).NameEn));
                Score("Col_VerifiedScore", own.Result.Verified);
                Score("Col_SelfScore", own.Result.SelfReported);
            }

            Line("Excel_ProducedAt", producedAt);
            ExcelSheets.Widths(sheet, 36, 60);
        }

        /// <summary>Every pillar, practice and indicator with its weight and its share of the overall score (every indicator counted).</summary>
        public void Weights()
        {
            var sheet = ExcelSheets.Add(workbook, L["Excel_SheetWeights"], arabic,
                [L["Col_Code"], L["Excel_Level"], L["Excel_Name"], L["Excel_Weight"], L["Excel_ShareOfParent"], L["Excel_ShareOfOverall"]]);
            var shares = Framework.WeightShares.Explain(period.Framework.Scoring, institutionType: null);
            var row = 2;
            void Node(string code, string levelKey, decimal weight, decimal share, decimal overall)
            {
                ExcelSheets.Text(sheet.Cell(row, 1), code);
                ExcelSheets.Text(sheet.Cell(row, 2), L[levelKey]);
                ExcelSheets.Text(sheet.Cell(row, 3), Label(code));
                ExcelSheets.Number(sheet.Cell(row, 4), weight);
                ExcelSheets.Number(sheet.Cell(row, 5), share);
                ExcelSheets.Number(sheet.Cell(row, 6), overall);
                sheet.Cell(row, 5).Style.NumberFormat.Format = "0.00%";
                sheet.Cell(row, 6).Style.NumberFormat.Format = "0.00%";
                row++;
            }

            foreach (var (pillar, pillarShare) in period.Framework.Scoring.Pillars.Zip(shares.Pillars))
            {
                Node(pillar.Code, "Col_Pillar", pillar.Weight, pillarShare.Self.Share, pillarShare.Self.Share);
                foreach (var (practice, practiceShare) in pillar.Practices.Zip(pillarShare.Practices))
                {
                    var practiceOverall = pillarShare.Self.Share * practiceShare.Self.Share;
                    Node(practice.Code, "Col_Practice", practice.Weight, practiceShare.Self.Share, practiceOverall);
                    foreach (var (indicator, indicatorShare) in practice.Indicators.Zip(practiceShare.Indicators))
                    {
                        Node(indicator.Code, "Col_Indicator", indicator.Weight, indicatorShare.Self.Share, practiceOverall * indicatorShare.Self.Share);
                    }
                }
            }

            ExcelSheets.Widths(sheet, 10, 12, 70, 10, 14, 14);
        }

        public void Answers(IReadOnlyList<ExportedAnswer> answers)
        {
            var sheet = Sheet("Excel_SheetAnswers", "Col_Code", "Col_Indicator", "Col_Reported", "NotApplicable", "Excel_Justification",
                "Excel_Comment", "Col_Decision", "Excel_VerifiedValue", "Col_ReviewerComment", "Status");
            var bySubmission = entries.ToDictionary(e => period.InstitutionOf(e).SubmissionId, e => period.InstitutionOf(e));
            var row = 2;
            foreach (var answer in answers.OrderBy(a => bySubmission[a.SubmissionId].Code, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal))
            {
                var institution = bySubmission[answer.SubmissionId];
                Who(sheet, row, institution);
                ExcelSheets.Text(sheet.Cell(row, 3), answer.Code);
                ExcelSheets.Text(sheet.Cell(row, 4), Label(answer.Code));
                ExcelSheets.Number(sheet.Cell(row, 5), answer.Value);
                ExcelSheets.Text(sheet.Cell(row, 6), answer.NotApplicable ? L["Yes"].Value : null);
                ExcelSheets.Text(sheet.Cell(row, 7), answer.Justification);
                ExcelSheets.Text(sheet.Cell(row, 8), answer.Comment);
                ExcelSheets.Text(sheet.Cell(row, 9), answer.Decision is { } d ? L[$"Decision_{d}"].Value : null);
                ExcelSheets.Number(sheet.Cell(row, 10), answer.VerifiedValue);
                ExcelSheets.Text(sheet.Cell(row, 11), answer.ReviewComment);
                ExcelSheets.Text(sheet.Cell(row, 12), L[$"SubmissionStatus_{institution.Status}"]);
                row++;
            }

            ExcelSheets.Widths(sheet, 12, 32, 10, 60, 12, 8, 30, 30, 14, 12, 30, 14);
        }

        public void Indicators()
        {
            var sheet = Sheet("Excel_SheetIndicators", "Col_Code", "Col_Indicator", "Col_SelfScore", "Col_VerifiedScore", "Col_Gap", "Score_ProvisionalShort");
            var row = 2;
            foreach (var (institution, result) in Results())
            {
                foreach (var indicator in result.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators))
                {
                    Who(sheet, row, institution);
                    ExcelSheets.Text(sheet.Cell(row, 3), indicator.Code);
                    ExcelSheets.Text(sheet.Cell(row, 4), Label(indicator.Code));
                    ExcelSheets.Score(sheet.Cell(row, 5), indicator.Self.Score);
                    ExcelSheets.Score(sheet.Cell(row, 6), indicator.Verified.Score);
                    ExcelSheets.Score(sheet.Cell(row, 7), indicator.Gap);
                    ExcelSheets.Text(sheet.Cell(row, 8), indicator.Provisional ? L["Yes"].Value : null);
                    row++;
                }
            }

            ExcelSheets.Widths(sheet, 12, 32, 10, 60, 12, 12, 10, 10);
        }

        public void Practices() => Nodes("Excel_SheetPractices", "Col_Practice", r => r.Pillars.SelectMany(p => p.Practices).Select(p => (p.Code, p.Self.Score, p.Verified.Score)));

        public void Pillars() => Nodes("Excel_SheetPillars", "Col_Pillar", r => r.Pillars.Select(p => (p.Code, p.Self.Score, p.Verified.Score)));

        private void Nodes(string nameKey, string nodeKey, Func<InstitutionResult, IEnumerable<(string Code, decimal? Self, decimal? Verified)>> nodes)
        {
            var sheet = Sheet(nameKey, "Col_Code", nodeKey, "Col_SelfScore", "Col_VerifiedScore", "Col_Gap");
            var row = 2;
            foreach (var (institution, result) in Results())
            {
                foreach (var (code, self, verified) in nodes(result))
                {
                    Who(sheet, row, institution);
                    ExcelSheets.Text(sheet.Cell(row, 3), code);
                    ExcelSheets.Text(sheet.Cell(row, 4), Label(code));
                    ExcelSheets.Score(sheet.Cell(row, 5), self);
                    ExcelSheets.Score(sheet.Cell(row, 6), verified);
                    ExcelSheets.Score(sheet.Cell(row, 7), self - verified);
                    row++;
                }
            }

            ExcelSheets.Widths(sheet, 12, 32, 10, 48, 12, 12, 10);
        }

        public void Institutions()
        {
            var sheet = Sheet("Excel_SheetInstitutions", "Col_Type", "Status", "Col_SelfScore", "Col_VerifiedScore", "Col_Gap", "Col_Band",
                "Col_Rank", "Col_PeerRank", "Col_Completeness", "Col_ScoreNote");
            var row = 2;
            foreach (var entry in entries.OrderBy(e => e.NationalRank ?? int.MaxValue).ThenBy(e => period.InstitutionOf(e).Code, StringComparer.Ordinal))
            {
                var institution = period.InstitutionOf(entry);
                var band = period.Framework.Band(entry.Band?.Code);
                Who(sheet, row, institution);
                ExcelSheets.Text(sheet.Cell(row, 3), Pick(institution.TypeNameAr, institution.TypeNameEn));
                ExcelSheets.Text(sheet.Cell(row, 4), L[$"SubmissionStatus_{institution.Status}"]);
                ExcelSheets.Score(sheet.Cell(row, 5), entry.Result.SelfReported);
                ExcelSheets.Score(sheet.Cell(row, 6), entry.Result.Verified);
                ExcelSheets.Score(sheet.Cell(row, 7), entry.Result.Gap);
                ExcelSheets.Text(sheet.Cell(row, 8), band is null ? null : Pick(band.NameAr, band.NameEn));
                ExcelSheets.Number(sheet.Cell(row, 9), entry.NationalRank);
                ExcelSheets.Number(sheet.Cell(row, 10), entry.PeerRank);
                ExcelSheets.Number(sheet.Cell(row, 11), entry.Result.Completeness);
                sheet.Cell(row, 11).Style.NumberFormat.Format = "0.0%";
                ExcelSheets.Text(sheet.Cell(row, 12), ScoreCaveats.Text(ScoreCaveats.Of(institution, entry), L));
                row++;
            }

            ExcelSheets.Widths(sheet, 12, 40, 16, 14, 12, 12, 10, 14, 10, 10, 12, 30);
        }

        /// <summary>A last sheet saying how final the figures are and when the file was produced (ADR 0103).</summary>
        private IEnumerable<(InstitutionInPeriod Institution, InstitutionResult Result)> Results() =>
            entries.Select(e => (period.InstitutionOf(e), e.Result)).OrderBy(x => x.Item1.Code, StringComparer.Ordinal);
    }
}
