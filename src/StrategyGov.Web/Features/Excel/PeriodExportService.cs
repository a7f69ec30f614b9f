using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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

        var culture = ReportService.CultureOf(language);
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var workbook = new XLWorkbook();
            var writer = new Writer(workbook, period, entries, localizer, Bilingual.IsArabic(culture));
            writer.Answers(answers);
            writer.Indicators();
            writer.Practices();
            writer.Pillars();
            writer.Institutions();
            writer.About(FiguresStatus.Of(period).Describe(localizer, time), FiguresStatus.Produced(localizer, time, clock.GetUtcNow().UtcDateTime));
            return FileDownload.Xlsx(ExcelSheets.Save(workbook), $"StrategyGov-{period.Period.Code}-{culture.TwoLetterISOLanguageName}.xlsx");
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

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
        public void About(string status, string produced)
        {
            var sheet = workbook.Worksheets.Add(L["Excel_SheetAbout"]);
            sheet.RightToLeft = arabic;
            ExcelSheets.Text(sheet.Cell(1, 1), Bidi.Strip(status));
            ExcelSheets.Text(sheet.Cell(2, 1), Bidi.Strip(produced));
            ExcelSheets.Widths(sheet, 100);
        }

        private IEnumerable<(InstitutionInPeriod Institution, InstitutionResult Result)> Results() =>
            entries.Select(e => (period.InstitutionOf(e), e.Result)).OrderBy(x => x.Item1.Code, StringComparer.Ordinal);
    }
}
