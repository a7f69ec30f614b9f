using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Periods;

/// <summary>Where an institution stands in a period, as the center's status board shows it.</summary>
public enum BoardStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Approved,
}

public sealed record StatusBoardRow(
    int InstitutionId,
    string InstitutionCode,
    string InstitutionNameAr,
    string InstitutionNameEn,
    string TypeNameAr,
    string TypeNameEn,
    int? SubmissionId,
    BoardStatus Status,
    int Answered,
    int Applicable,
    bool Late,
    DateTime? LastActivityAt,
    int? DaysOverdue = null)
{
    /// <summary>Answered (a value or N/A) ÷ applicable indicators, 0..1.</summary>
    public decimal Completeness => Applicable == 0 ? 0m : (decimal)Answered / Applicable;
}

public sealed record StatusBoard(PeriodRow Period, IReadOnlyList<StatusBoardRow> Rows);

/// <summary>The center's view of every institution in one period: status, completeness, lateness, activity.</summary>
public sealed class StatusBoardService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    TimeProvider clock,
    IOptions<PlatformOptions> platform,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<StatusBoard> GetAsync(Actor actor, int periodId, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking()
            .Where(p => p.Id == periodId)
            .Select(p => new PeriodRow(p.Id, p.Code, p.Status, p.OpensOn, p.DueOn, p.ClosesOn, p.StrategyVersionId, p.StrategyVersion.NameAr, p.StrategyVersion.NameEn, p.PublishedAt, p.ObjectionWindowDays, 0, p.OverdueEscalationDays))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();

        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.PeriodId == periodId)
            .Select(s => new
            {
                s.Id,
                s.InstitutionId,
                s.Status,
                s.FirstSubmittedAt,
                s.LastActivityAt,
                Answered = s.Answers.Count(a => a.NotApplicable || a.Value != null),
            })
            .ToDictionaryAsync(s => s.InstitutionId, ct);
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => i.IsActive || submissions.Keys.Contains(i.Id))
            .Select(i => new { i.Id, i.Code, i.NameAr, i.NameEn, i.TypeId, TypeNameAr = i.Type.NameAr, TypeNameEn = i.Type.NameEn })
            .ToListAsync(ct);

        // Applicable indicators per institution type: those with no types listed apply to every type.
        var indicatorTypes = await db.Indicators.AsNoTracking()
            .Where(i => i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId)
            .Select(i => i.ApplicableTypes.Select(t => t.Id).ToList())
            .ToListAsync(ct);
        int ApplicableTo(int typeId) => indicatorTypes.Count(types => types.Count == 0 || types.Contains(typeId));

        var today = platform.Value.Today(clock);
        var rows = institutions.Select(i =>
        {
            submissions.TryGetValue(i.Id, out var s);
            var status = s switch
            {
                null or { Status: SubmissionStatus.Draft, Answered: 0 } => BoardStatus.NotStarted,
                { Status: SubmissionStatus.Draft } => BoardStatus.Draft,
                { Status: SubmissionStatus.Submitted } => BoardStatus.Submitted,
                { Status: SubmissionStatus.Returned } => BoardStatus.Returned,
                _ => BoardStatus.Approved,
            };

            // Timeliness is judged on the first submission (a re-submission after a return is not late).
            var late = s?.FirstSubmittedAt is { } first
                ? platform.Value.LocalDate(first) > period.DueOn
                : today > period.DueOn;
            return new StatusBoardRow(
                i.Id, i.Code, i.NameAr, i.NameEn, i.TypeNameAr, i.TypeNameEn, s?.Id, status, s?.Answered ?? 0, ApplicableTo(i.TypeId), late,
                s is { Status: not SubmissionStatus.Draft } or { Answered: > 0 } ? s.LastActivityAt : null,
                OverdueDays(period, status, today));
        });
        return new StatusBoard(period, rows.OrderBy(r => r.InstitutionCode, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Days past the due date of a submission that still has to be (re)submitted while the period is open:
    /// not started, a draft, or returned for revision. Null when nothing is overdue; once the period is
    /// closed nothing can be submitted any more and lateness alone is shown.
    /// </summary>
    private static int? OverdueDays(PeriodRow period, BoardStatus status, DateOnly today) =>
        period.Status == PeriodStatus.Open && today > period.DueOn
            && status is BoardStatus.NotStarted or BoardStatus.Draft or BoardStatus.Returned
            ? OverdueReminders.DaysOverdue(period.DueOn, today)
            : null;

    /// <summary>The board as an Excel workbook in the current UI language (Arabic sheets right-to-left).</summary>
    public async Task<FileDownload> ExportAsync(Actor actor, int periodId, CancellationToken ct)
    {
        var board = await GetAsync(actor, periodId, ct);
        var zone = platform.Value.TimeZoneInfo;
        using var workbook = new XLWorkbook();
        string[] headers = ["Board_Code", "Institution", "Board_Type", "Board_Status", "Board_Completeness", "Board_Answered", "Board_Applicable", "Late", "Board_LastActivity", "Board_DaysOverdue"];
        var sheet = ExcelSheets.Add(workbook, board.Period.Code, headers.Select(h => localizer[h].Value).ToList());
        var row = 2;
        foreach (var r in board.Rows)
        {
            sheet.Cell(row, 1).Value = r.InstitutionCode;
            sheet.Cell(row, 2).Value = Bilingual.Pick(r.InstitutionNameAr, r.InstitutionNameEn);
            sheet.Cell(row, 3).Value = Bilingual.Pick(r.TypeNameAr, r.TypeNameEn);
            sheet.Cell(row, 4).Value = localizer[$"BoardStatus_{r.Status}"].Value;
            sheet.Cell(row, 5).Value = r.Completeness;
            sheet.Cell(row, 5).Style.NumberFormat.Format = "0.0%";
            sheet.Cell(row, 6).Value = r.Answered;
            sheet.Cell(row, 7).Value = r.Applicable;
            sheet.Cell(row, 8).Value = r.Late ? localizer["Yes"].Value : localizer["No"].Value;
            if (r.LastActivityAt is { } at)
            {
                sheet.Cell(row, 9).Value = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
                sheet.Cell(row, 9).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
            }

            if (r.DaysOverdue is { } days)
            {
                sheet.Cell(row, 10).Value = days;
            }

            row++;
        }

        ExcelSheets.Widths(sheet, 14, 44, 18, 16, 14, 10, 10, 8, 18, 12);
        return FileDownload.Xlsx(ExcelSheets.Save(workbook), $"status-{board.Period.Code}.xlsx");
    }
}
