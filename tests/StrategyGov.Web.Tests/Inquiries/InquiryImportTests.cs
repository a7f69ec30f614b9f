using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Inquiries;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Tests.Support;
using static StrategyGov.Web.Tests.Support.InquiryData;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The Excel import of the log (ADR 0098 §Import): all or nothing, every error with its row and column and a
/// message in the user's language; Arabic-Indic digits and Arabic headers read; re-importing updates by the
/// helpdesk id and never duplicates; a file that is not a workbook is refused. The export reopened.
/// </summary>
public sealed class InquiryImportTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] Headers = ["المعرف لدى الجهة", "النوع", "القناة", "الوسيلة أو المنصة", "وقت الورود", "الموضوع", "وقت الإجابة", "نص الرد", "Pillar"];

    private InquiryWorkbook Workbook => app.Service<InquiryWorkbook>();

    [Fact]
    public async Task Import_ValidFile_CreatesThen_ReimportUpdatesWithoutDuplicating()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        object?[][] rows =
        [
            ["IMP-001", "استفسار إعلامي", "صحيفة", "صحيفة اليوم", "٢٠٢٦-١١-٠١ ٠٩:٣٠", "أسباب انقطاع الإنارة في حي الشاطئ", "2026-11-01 12:00", "عادت الإنارة وأُبلغ الصحفي", "P3"],
            ["IMP-002", "CitizenComplaint", "SocialMedia", "X (تويتر)", new DateTime(2026, 11, 2, 10, 0, 0), "تراكم النفايات أمام المدرسة", null, null, "P4"],
        ];

        var first = await Workbook.ImportAsync(director, File(rows), None);
        rows[1][5] = "تراكم النفايات أمام المدرسة الابتدائية";
        var second = await Workbook.ImportAsync(director, File(rows), None);

        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Select(e => $"{e.Row}/{e.Column}: {e.MessageKey}")));
        Assert.Equal((2, 0), (first.Created, first.Updated));
        Assert.Equal((0, 1), (second.Created, second.Updated));
        var stored = await StoredAsync(director.InstitutionId!.Value, "IMP-001", "IMP-002");
        Assert.Equal(2, stored.Count);
        var answered = stored.Single(i => i.ExternalId == "IMP-001");
        Assert.Equal((InquiryStatus.Answered, Utc("2026-11-01 09:30"), 150), (answered.Status, answered.ReceivedAt, answered.AnswerMinutes));
        Assert.Equal(answered.AnsweredAt, answered.FirstResponseAt);
        var complaint = stored.Single(i => i.ExternalId == "IMP-002");
        Assert.Equal(("تراكم النفايات أمام المدرسة الابتدائية", InquiryKind.CitizenComplaint, InquiryChannel.SocialMedia), (complaint.Topic, complaint.Kind, complaint.Channel));
        Assert.Equal(5 * 7 * 60, complaint.AnswerTargetMinutes);
        await using var db = await app.DbAsync();
        var key = complaint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(Inquiry) && e.EntityKey == key));
    }

    [Fact]
    public async Task Import_FileWithErrors_ImportsNothingAndNamesEveryRowAndColumn()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var before = await CountAsync();
        object?[][] rows =
        [
            ["BAD-1", "استفسار إعلامي", "صحيفة", "صحيفة اليوم", "2026-11-01 09:30", null, null, null, "P3"],
            ["BAD-2", "فاكس", "صحيفة", "صحيفة اليوم", "2026-11-01 09:30", "نوع غير معروف", null, null, "P3"],
            ["BAD-1", "استفسار إعلامي", "صحيفة", "صحيفة اليوم", "2026-11-01 09:30", "معرف مكرر", null, null, "P3"],
            ["BAD-4", "استفسار إعلامي", "صحيفة", "صحيفة اليوم", "أمس صباحاً", "وقت غير مقروء", null, null, "P3"],
            ["BAD-5", "استفسار إعلامي", "صحيفة", "صحيفة اليوم", "2026-11-01 09:30", "أجيب دون نص", "2026-11-01 10:00", null, "P9"],
            ["BAD-6", "استفسار إعلامي", "صحيفة", "صحيفة اليوم", "2026-11-01 09:30", "أجيب قبل وروده", "2026-10-31 10:00", "نص", "P3"],
            ["OK-7", "استفسار إعلامي", "صحيفة", "صحيفة اليوم", "2026-11-01 09:30", "صف سليم", null, null, "P3"],
        ];

        var result = await Workbook.ImportAsync(director, File(rows), None);

        Assert.False(result.Succeeded);
        var errors = result.Errors.Select(e => (e.Row, e.Column, e.MessageKey)).ToList();
        Assert.Contains((2, "الموضوع", "Inquiry_Required"), errors);
        Assert.Contains((3, "النوع", "Inquiry_KindUnknown"), errors);
        Assert.Contains((4, "المعرف لدى الجهة", "Inquiry_Import_DuplicateExternalId"), errors);
        Assert.Contains((5, "وقت الورود", "Inquiry_NotADateTime"), errors);
        Assert.Contains((6, "نص الرد", "Inquiry_AnswerRequired"), errors);
        Assert.Contains((6, "Pillar", "Inquiry_PillarUnknown"), errors);
        Assert.Contains((7, "وقت الإجابة", "Inquiry_TimeBeforeReceived"), errors);
        Assert.DoesNotContain(result.Errors, e => e.Row == 8);
        Assert.Equal(["BAD-1", 2], result.Errors.Single(e => e.MessageKey == "Inquiry_Import_DuplicateExternalId").Arguments);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Import_NotAWorkbook_IsRefusedAsSuch()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);

        var pdf = await Workbook.ImportAsync(director, new MemoryStream(SampleFiles.Pdf()), None);
        var zip = await Workbook.ImportAsync(director, new MemoryStream(SampleFiles.PlainZip()), None);

        Assert.Equal("Inquiry_Import_BadFile", Assert.Single(pdf.Errors).MessageKey);
        Assert.Equal("Inquiry_Import_BadFile", Assert.Single(zip.Errors).MessageKey);
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_IsNamedOnTheHeaderRow()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(InquiryWorkbook.SheetName);
        sheet.Cell(1, 1).Value = "ExternalId";
        sheet.Cell(1, 2).Value = "Kind";
        sheet.Cell(2, 1).Value = "X-1";
        sheet.Cell(2, 2).Value = "MediaInquiry";

        var result = await Workbook.ImportAsync(director, Save(workbook), None);

        Assert.All(result.Errors, e => Assert.Equal((1, "Inquiry_Import_MissingColumn"), (e.Row, e.MessageKey)));
        Assert.Equal(4, result.Errors.Count);   // channel, outlet, received at, topic
    }

    [Fact]
    public async Task Export_ReopenedAndImportedAgain_ChangesNothing()
    {
        System.Globalization.CultureInfo.CurrentUICulture = StrategyGov.Web.Localization.Bilingual.CreateCulture(StrategyGov.Web.Localization.Bilingual.Arabic);
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-04 09:00", "تصدير ثم استيراد", externalId: "ROUND-1"));
        await app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-04 10:15", "رد للتصدير");
        var export = await Workbook.ExportAsync(director, new InquiryFilter(Search: "تصدير ثم استيراد"), None);
        using (var reopened = new XLWorkbook(new MemoryStream(export.Content)))
        {
            var sheet = reopened.Worksheet(InquiryWorkbook.SheetName);
            Assert.Equal(2, sheet.RowsUsed().Count());
            Assert.Equal("ROUND-1", sheet.Cell(2, 1).GetString());
            Assert.Equal(new DateTime(2026, 11, 4, 9, 0, 0), sheet.Cell(2, 7).GetDateTime());
            Assert.Equal(1.25, sheet.Row(1).CellsUsed().Where(c => c.GetString() == "الإجابة (ساعات عمل)").Select(c => sheet.Cell(2, c.Address.ColumnNumber).GetDouble()).Single());
        }

        var before = await app.StoredInquiryAsync(id);
        var result = await Workbook.ImportAsync(director, new MemoryStream(export.Content), None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row}/{e.Column}: {e.MessageKey}")));
        Assert.Equal((0, 0), (result.Created, result.Updated));
        Assert.Equal(before.Version, (await app.StoredInquiryAsync(id)).Version);
    }

    private static MemoryStream File(object?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(InquiryWorkbook.SheetName);
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c];
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is DateTime time)
                {
                    sheet.Cell(r + 2, c + 1).Value = time;
                }
                else if (rows[r][c] is string text)
                {
                    sheet.Cell(r + 2, c + 1).SetValue(text);
                    sheet.Cell(r + 2, c + 1).DataType = XLDataType.Text;
                }
            }
        }

        return Save(workbook);
    }

    private static MemoryStream Save(XLWorkbook workbook)
    {
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private async Task<List<Inquiry>> StoredAsync(int institutionId, params string[] externalIds)
    {
        await using var db = await app.DbAsync();
        return await db.Inquiries.AsNoTracking().Where(i => i.InstitutionId == institutionId && externalIds.Contains(i.ExternalId)).ToListAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Inquiries.CountAsync();
    }
}
