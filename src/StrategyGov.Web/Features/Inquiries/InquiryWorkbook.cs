using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// The log as an Excel sheet and back (ADR 0098 §Import), and the same rows sent as JSON or CSV through the API (ADR 0107). The export holds the columns of the import and,
/// after them, the clocks (read-only, ignored by an import). An import belongs to the importer's own
/// institution; a row whose external id is already in the log updates that inquiry, any other row logs a
/// new one. The whole file is checked first and every error named by row and column; only a file without
/// any error is written, in one transaction. Times are local times of the platform's time zone.
/// </summary>
public sealed class InquiryWorkbook(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    InquiryService inquiries,
    InquiryFiguresService figures,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock,
    IOptions<PlatformOptions> platform)
{
    public const string SheetName = "Inquiries";
    public const int MaxRows = 20_000;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The imported columns, by code; a header may be the code or its label in either language.</summary>
    public static readonly IReadOnlyList<InquiryField> ImportColumns =
    [
        InquiryField.ExternalId, InquiryField.Kind, InquiryField.Channel, InquiryField.Outlet, InquiryField.Requester, InquiryField.SourceUrl,
        InquiryField.ReceivedAt, InquiryField.Topic, InquiryField.Details, InquiryField.Pillar, InquiryField.RequesterDeadline, InquiryField.AssignedTo,
        InquiryField.FirstResponseAt, InquiryField.AnsweredAt, InquiryField.ResponseText, InquiryField.ClosedAt, InquiryField.ReferredTo,
    ];

    private static readonly InquiryField[] Required = [InquiryField.ExternalId, InquiryField.Kind, InquiryField.Channel, InquiryField.Outlet, InquiryField.ReceivedAt, InquiryField.Topic];

    private static readonly InquiryField[] Times = [InquiryField.ReceivedAt, InquiryField.RequesterDeadline, InquiryField.FirstResponseAt, InquiryField.AnsweredAt, InquiryField.ClosedAt];

    private TimeZoneInfo Zone => platform.Value.TimeZoneInfo;

    /// <summary>The log (as filtered) as a workbook; the center exports every institution's, an institution user only their own.</summary>
    public async Task<FileDownload> ExportAsync(Actor actor, InquiryFilter filter, CancellationToken ct)
    {
        var institutionId = InquiryService.Scope(actor, filter.InstitutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = inquiries.Filtered(db, filter with { InstitutionId = institutionId }).OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Take(100_000);
        var items = await query.Select(i => new
        {
            i.Id, InstitutionCode = i.Institution.Code, i.ExternalId, i.Kind, i.Channel, i.Outlet, i.Requester, i.SourceUrl, i.ReceivedAt, i.Topic, i.Details,
            i.PillarCode, i.RequesterDeadline, AssignedTo = i.AssignedTo != null ? i.AssignedTo.Email : null, i.FirstResponseAt, i.AnsweredAt, i.ResponseText,
            i.ClosedAt, ReferredTo = i.ReferredToName, i.Status, i.FirstResponseMinutes, i.AnswerMinutes, i.AnswerElapsedMinutes, i.AnswerTargetMinutes,
            i.FirstResponseTargetMinutes, i.AnswerDueAt,
        }).ToListAsync(ct);

        using var workbook = new XLWorkbook();
        var derived = new[] { "Inquiry_Col_Id", "Inquiry_Col_Institution", "Inquiry_Col_Status", "Inquiry_Col_FirstResponseHours", "Inquiry_Col_AnswerHours", "Inquiry_Col_ElapsedHours", "Inquiry_Col_WithinTarget", "Inquiry_Col_AnswerDueAt" };
        var headers = ImportColumns.Select(Header).Concat(derived.Select(k => localizer[k].Value)).ToList();
        var sheet = ExcelSheets.Add(workbook, SheetName, headers);
        var r = 2;
        foreach (var i in items)
        {
            var c = 1;
            ExcelSheets.Text(sheet.Cell(r, c++), i.ExternalId);
            ExcelSheets.Text(sheet.Cell(r, c++), localizer[$"InquiryKind_{i.Kind}"].Value);
            ExcelSheets.Text(sheet.Cell(r, c++), localizer[$"InquiryChannel_{i.Channel}"].Value);
            ExcelSheets.Text(sheet.Cell(r, c++), i.Outlet);
            ExcelSheets.Text(sheet.Cell(r, c++), i.Requester);
            ExcelSheets.Text(sheet.Cell(r, c++), i.SourceUrl);
            Time(sheet.Cell(r, c++), i.ReceivedAt);
            ExcelSheets.Text(sheet.Cell(r, c++), i.Topic);
            ExcelSheets.Text(sheet.Cell(r, c++), i.Details);
            ExcelSheets.Text(sheet.Cell(r, c++), i.PillarCode);
            Time(sheet.Cell(r, c++), i.RequesterDeadline);
            ExcelSheets.Text(sheet.Cell(r, c++), i.AssignedTo);
            Time(sheet.Cell(r, c++), i.FirstResponseAt);
            Time(sheet.Cell(r, c++), i.AnsweredAt);
            ExcelSheets.Text(sheet.Cell(r, c++), i.ResponseText);
            Time(sheet.Cell(r, c++), i.ClosedAt);
            ExcelSheets.Text(sheet.Cell(r, c++), i.ReferredTo);
            sheet.Cell(r, c++).Value = i.Id;
            ExcelSheets.Text(sheet.Cell(r, c++), i.InstitutionCode);
            ExcelSheets.Text(sheet.Cell(r, c++), localizer[$"InquiryStatus_{i.Status}"].Value);
            ExcelSheets.Number(sheet.Cell(r, c++), i.FirstResponseMinutes is { } fr ? InquiryClock.Hours(fr) : null);
            ExcelSheets.Number(sheet.Cell(r, c++), i.AnswerMinutes is { } am ? InquiryClock.Hours(am) : null);
            ExcelSheets.Number(sheet.Cell(r, c++), i.AnswerElapsedMinutes is { } em ? InquiryClock.Hours(em) : null);
            ExcelSheets.Text(sheet.Cell(r, c++), i.AnswerMinutes is { } m ? localizer[m <= i.AnswerTargetMinutes ? "Yes" : "No"].Value : null);
            Time(sheet.Cell(r, c), i.AnswerDueAt);
            r++;
        }

        ExcelSheets.Widths(sheet, 16, 18, 16, 24, 22, 30, 18, 40, 40, 8, 18, 26, 18, 18, 50, 18, 24, 8, 14, 16, 12, 12, 12, 10, 18);
        AddHelp(workbook, await InquiryService.PillarsAsync(db, ct));
        return FileDownload.Xlsx(ExcelSheets.Save(workbook), $"inquiries-{platform.Value.Today(clock):yyyy-MM-dd}.xlsx");
    }

    /// <summary>An empty sheet with the import's columns, and a help sheet of the accepted values.</summary>
    public async Task<FileDownload> TemplateAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var workbook = new XLWorkbook();
        var sheet = ExcelSheets.Add(workbook, SheetName, ImportColumns.Select(Header).ToList());
        ExcelSheets.Widths(sheet, 16, 18, 16, 24, 22, 30, 18, 40, 40, 8, 18, 26, 18, 18, 50, 18, 24);
        AddHelp(workbook, await InquiryService.PillarsAsync(db, ct));
        return FileDownload.Xlsx(ExcelSheets.Save(workbook), "inquiries-template.xlsx");
    }

    public async Task<InquiryImportResult> ImportAsync(Actor actor, Stream file, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        // A workbook by its content, not its name: a ZIP declaring a spreadsheet (ADR 0098 §Import).
        if (!file.CanSeek || Evidence.FileSignature.Detect(file) != Evidence.FileSignature.Xlsx)
        {
            return BadFile();
        }

        InquiryRows rows;
        try
        {
            using var workbook = new XLWorkbook(file);
            rows = Read(workbook);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // ClosedXML reports a damaged package in many ways (even a null reference); none of them imports anything.
            return BadFile();
        }

        return await WriteAsync(actor, rows, dryRun: false, ct);
    }

    /// <summary>
    /// Rows of inquiries into the actor's own institution, whatever carried them (the workbook, or JSON and CSV
    /// through the API, ADR 0107): every row checked first, errors named by row and column; only rows without
    /// any error are written, all in one transaction. A row whose external id is already in the institution's
    /// log updates that inquiry. A dry run checks and returns the same changes, and writes nothing.
    /// </summary>
    public async Task<InquiryImportResult> WriteAsync(Actor actor, InquiryRows input, bool dryRun, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        var institutionId = actor.InstitutionId!.Value;
        if (input.Errors.Count > 0)
        {
            return new InquiryImportResult(0, 0, input.Errors);
        }

        if (input.Rows.Count > MaxRows)
        {
            return new InquiryImportResult(0, 0, [new InquirySheetError(input.Source, 0, string.Empty, "Inquiry_Import_TooManyRows", MaxRows)]);
        }

        var errors = new List<InquirySheetError>();
        var kinds = Labels<InquiryKind>("InquiryKind");
        var channels = Labels<InquiryChannel>("InquiryChannel");
        var rows = input.Rows.Select(r => Parse(r, input, kinds, channels, errors)).OfType<ImportRow>().ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var settings = await InquirySettings.LoadAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pillars = (await InquiryService.PillarsAsync(db, ct)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var assignees = await (from user in db.Users
                               join userRole in db.UserRoles on user.Id equals userRole.UserId
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where user.InstitutionId == institutionId && (role.Name == Data.Identity.AppRoles.InstitutionDirector || role.Name == Data.Identity.AppRoles.InstitutionContributor)
                               select new { user.Id, user.Email })
            .ToListAsync(ct);
        var assigneeByEmail = assignees.Where(a => a.Email != null).DistinctBy(a => a.Id).ToDictionary(a => a.Email!, a => a.Id, StringComparer.OrdinalIgnoreCase);
        var assigneeIds = assigneeByEmail.Values.ToHashSet(StringComparer.Ordinal);
        var externalIds = rows.Select(r => r.ExternalId).Where(x => x is not null).Distinct().ToList();
        var existing = await db.Inquiries.Include(i => i.Pauses)
            .Where(i => i.InstitutionId == institutionId && i.ExternalId != null && externalIds.Contains(i.ExternalId))
            .ToDictionaryAsync(i => i.ExternalId!, StringComparer.Ordinal, ct);

        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            void Error(InquiryField field, string key, params object[] arguments) => errors.Add(new InquirySheetError(input.Source, row.Number, row.HeaderOf(field), key, arguments));

            if (row.ExternalId is { } externalId && !firstRowOf.TryAdd(externalId, row.Number))
            {
                Error(InquiryField.ExternalId, "Inquiry_Import_DuplicateExternalId", externalId, firstRowOf[externalId]);
            }

            if (row.AssignedToEmail is { } email)
            {
                if (assigneeByEmail.TryGetValue(email, out var userId))
                {
                    row.Form.AssignedToId = userId;
                }
                else
                {
                    Error(InquiryField.AssignedTo, "Inquiry_AssigneeUnknown");
                }
            }

            if (row.Incomplete)
            {
                continue;
            }

            var received = InquiryService.ToUtc(row.Form.ReceivedAt, Zone);
            var deadline = row.Form.RequesterDeadline is { } d ? InquiryService.ToUtc(d, Zone) : (DateTime?)null;
            foreach (var problem in InquiryRules.Check(row.Form, received, deadline, now, pillars, assigneeIds).Where(p => p.Field != InquiryField.AssignedTo))
            {
                Error(problem.Field, problem.MessageKey, problem.Arguments);
            }

            var current = row.ExternalId is { } id ? existing.GetValueOrDefault(id) : null;
            foreach (var (field, key, arguments) in CheckLifecycle(row, current, received, now))
            {
                Error(field, key, arguments);
            }
        }

        if (errors.Count > 0)
        {
            return new InquiryImportResult(0, 0, errors.OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal).ToList());
        }

        var created = new List<(ImportRow Row, Inquiry Inquiry)>();
        var updated = new List<(ImportRow Row, Inquiry Inquiry, List<InquiryFieldChange> Fields)>();
        foreach (var row in rows)
        {
            var received = InquiryService.ToUtc(row.Form.ReceivedAt, Zone);
            var deadline = row.Form.RequesterDeadline is { } d ? InquiryService.ToUtc(d, Zone) : (DateTime?)null;
            if (existing.TryGetValue(row.ExternalId!, out var inquiry))
            {
                KeepWhatTheFileDoesNotHold(inquiry, row);
                deadline = row.Has(InquiryField.RequesterDeadline) ? deadline : row.KeepDeadline;
                var updatedAt = inquiry.UpdatedAt;
                InquiryService.Apply(inquiry, row.Form, received, deadline, settings, now);
                ApplyLifecycle(inquiry, row);
                InquiryClock.Apply(inquiry, settings.Calendar, inquiry.Pauses);
                var fields = Changed(db, inquiry);
                if (fields.Count > 0)
                {
                    inquiry.Version++;
                    updated.Add((row, inquiry, fields));
                }
                else
                {
                    inquiry.UpdatedAt = updatedAt;
                }

                continue;
            }

            inquiry = new Inquiry
            {
                InstitutionId = institutionId,
                Outlet = string.Empty,
                Topic = string.Empty,
                Status = InquiryStatus.New,
                CreatedAt = now,
                CreatedById = actor.AccountId,
            };
            InquiryService.Apply(inquiry, row.Form, received, deadline, settings, now);
            ApplyLifecycle(inquiry, row);
            InquiryClock.Apply(inquiry, settings.Calendar, []);
            created.Add((row, inquiry));
        }

        if (!dryRun)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await BulkInsert.InsertAsync(db, created.Select(c => c.Inquiry).ToList(), ct);
            await transaction.CommitAsync(ct);
        }

        var changes = created.Select(c => new InquiryChange(c.Row.Number, c.Inquiry.ExternalId!, InquiryChangeKind.Created, dryRun ? null : c.Inquiry.Id, []))
            .Concat(updated.Select(u => new InquiryChange(u.Row.Number, u.Inquiry.ExternalId!, InquiryChangeKind.Updated, u.Inquiry.Id, u.Fields)))
            .OrderBy(c => c.Row)
            .ToList();
        return new InquiryImportResult(created.Count, updated.Count, [], changes);
    }

    /// <summary>What a row changed on an existing inquiry, as stored (UTC times, English enumeration names); the clocks' own columns included.</summary>
    private static List<InquiryFieldChange> Changed(StrategyGovDbContext db, Inquiry inquiry)
    {
        var entry = db.Entry(inquiry);
        entry.DetectChanges();
        var fields = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(Inquiry.UpdatedAt) && !Equals(p.OriginalValue, p.CurrentValue)
                && p.Metadata.PropertyInfo?.GetCustomAttributes(typeof(Data.Auditing.NotAuditedAttribute), false).Length == 0)
            .Select(p => new InquiryFieldChange(JsonName(p.Metadata.Name), Show(p.OriginalValue), Show(p.CurrentValue)))
            .ToList();
        fields.AddRange(inquiry.Pauses.Where(p => db.Entry(p).State != EntityState.Unchanged)
            .Select(p => new InquiryFieldChange("pauseEndedAt", Show(db.Entry(p).Property(x => x.EndedAt).OriginalValue), Show(p.EndedAt))));
        return fields;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Show(object? value) => value switch
    {
        null => null,
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The league table of a window as a workbook (the center and officials).</summary>
    public async Task<FileDownload> ExportLeagueAsync(Actor actor, InquiryWindow window, LeagueFilter filter, CancellationToken ct)
    {
        var league = await figures.LeagueAsync(actor, window, filter, ct);
        var sheet = new ExcelSheet(
            "League",
            (localizer["Inquiry_League_Rank"].Value, 8), (localizer["Col_Code"].Value, 14), (localizer["Institution"].Value, 40), (localizer["InstitutionType"].Value, 18),
            (localizer["Inquiry_Fig_Volume"].Value, 12), (localizer["Inquiry_Fig_MedianFirst"].Value, 16), (localizer["Inquiry_Fig_P90First"].Value, 16),
            (localizer["Inquiry_Fig_WithinTarget"].Value, 16), (localizer["Inquiry_Fig_OverdueNow"].Value, 14), (localizer["Inquiry_Fig_ReferralRate"].Value, 14),
            (localizer["Inquiry_Fig_DeadlinesMet"].Value, 16));
        foreach (var row in league.Rows)
        {
            var f = row.Figures;
            sheet.Add(row.Rank, row.Code, Bilingual.Pick(row.NameAr, row.NameEn), Bilingual.Pick(row.TypeNameAr, row.TypeNameEn), f.Volume,
                Hours(f.MedianFirstResponseMinutes), Hours(f.P90FirstResponseMinutes), f.WithinTargetRate, f.OverdueNow, f.ReferralRate, f.DeadlinesMetRate);
        }

        var n = league.National;
        sheet.Add(null, null, localizer["Inquiry_League_National"].Value, null, n.Volume, Hours(n.MedianFirstResponseMinutes), Hours(n.P90FirstResponseMinutes),
            n.WithinTargetRate, n.OverdueNow, n.ReferralRate, n.DeadlinesMetRate);
        return sheet.ToFile($"inquiries-league-{window.From:yyyy-MM-dd}-{window.To:yyyy-MM-dd}.xlsx");
    }

    private static decimal? Hours(int? minutes) => minutes is { } m ? InquiryClock.Hours(m) : null;

    private static InquiryImportResult BadFile() => new(0, 0, [new InquirySheetError(SheetName, 0, string.Empty, "Inquiry_Import_BadFile")]);

    /// <summary>The header of a column in the current language.</summary>
    public string Header(InquiryField field) => localizer[$"Inquiry_Field_{field}"].Value;

    private static IEnumerable<(InquiryField Field, string Key, object[] Arguments)> CheckLifecycle(ImportRow row, Inquiry? current, DateTime received, DateTime now)
    {
        var limit = now + InquiryRules.FutureTolerance;
        var first = row.FirstResponseAt ?? current?.FirstResponseAt;
        var answered = row.AnsweredAt ?? current?.AnsweredAt;
        foreach (var (field, value) in new[] { (InquiryField.FirstResponseAt, row.FirstResponseAt), (InquiryField.AnsweredAt, row.AnsweredAt), (InquiryField.ClosedAt, row.ClosedAt), (InquiryField.ReferredTo, row.ReferredAt) })
        {
            if (value is { } t && t > limit)
            {
                yield return (field, "Inquiry_TimeInFuture", []);
            }
            else if (value is { } s && s < received)
            {
                yield return (field, "Inquiry_TimeBeforeReceived", []);
            }
        }

        if (first is { } f && answered is { } a && a < f)
        {
            yield return (InquiryField.AnsweredAt, "Inquiry_AnsweredBeforeFirst", []);
        }

        if (row.ClosedAt is { } closed && (answered is null || closed < answered))
        {
            yield return (InquiryField.ClosedAt, "Inquiry_ClosedNeedsAnswer", []);
        }

        if (row.AnsweredAt is not null && row.ResponseText is null && current?.ResponseText is null && current?.ResponseFileSha256 is null)
        {
            yield return (InquiryField.ResponseText, "Inquiry_AnswerRequired", []);
        }

        if (row.ResponseText is { Length: > InquiryRules.MaxResponse })
        {
            yield return (InquiryField.ResponseText, "Inquiry_TooLong", [InquiryRules.MaxResponse]);
        }

        if (row.ReferredToName is { Length: > 300 })
        {
            yield return (InquiryField.ReferredTo, "Inquiry_TooLong", [300]);
        }

        if (current is { Status: InquiryStatus.Closed } && row.ClosedAt is null && current.ClosedAt is null)
        {
            yield return (InquiryField.ClosedAt, "Inquiry_ClosedReadOnly", []);
        }
    }

    /// <summary>A column the file does not have leaves that detail of an existing inquiry as it is.</summary>
    private static void KeepWhatTheFileDoesNotHold(Inquiry inquiry, ImportRow row)
    {
        if (!row.Has(InquiryField.Requester))
        {
            row.Form.Requester = inquiry.Requester;
        }

        if (!row.Has(InquiryField.SourceUrl))
        {
            row.Form.SourceUrl = inquiry.SourceUrl;
        }

        if (!row.Has(InquiryField.Details))
        {
            row.Form.Details = inquiry.Details;
        }

        if (!row.Has(InquiryField.Pillar))
        {
            row.Form.PillarCode = inquiry.PillarCode;
        }

        if (!row.Has(InquiryField.AssignedTo))
        {
            row.Form.AssignedToId = inquiry.AssignedToId;
        }

        if (!row.Has(InquiryField.RequesterDeadline))
        {
            row.Form.RequesterDeadline = null;
            row.KeepDeadline = inquiry.RequesterDeadline;
        }
    }

    /// <summary>Times given in the file are set; an empty cell never erases a time already recorded. The status follows the times.</summary>
    private static void ApplyLifecycle(Inquiry inquiry, ImportRow row)
    {
        inquiry.FirstResponseAt = row.FirstResponseAt ?? inquiry.FirstResponseAt;
        inquiry.AnsweredAt = row.AnsweredAt ?? inquiry.AnsweredAt;
        inquiry.ResponseText = row.ResponseText ?? inquiry.ResponseText;
        inquiry.ClosedAt = row.ClosedAt ?? inquiry.ClosedAt;
        if (row.ReferredToName is not null)
        {
            inquiry.ReferredToName = row.ReferredToName;
            inquiry.ReferredAt = row.ReferredAt ?? inquiry.ReferredAt ?? inquiry.ReceivedAt;
        }

        if (inquiry.AnsweredAt is { } answered)
        {
            inquiry.FirstResponseAt ??= answered;
            foreach (var pause in inquiry.Pauses.Where(p => p.EndedAt is null))
            {
                pause.EndedAt = answered < pause.StartedAt ? pause.StartedAt : answered;
            }
        }

        inquiry.Status = inquiry.ClosedAt is not null ? InquiryStatus.Closed
            : inquiry.AnsweredAt is not null ? InquiryStatus.Answered
            : inquiry.Pauses.Any(p => p.EndedAt is null) ? InquiryStatus.WaitingOnRequester
            : inquiry.ReferredAt is not null ? InquiryStatus.Referred
            : inquiry.FirstResponseAt is not null ? InquiryStatus.InProgress
            : InquiryStatus.New;
    }

    /// <summary>The first sheet's rows, each cell with the header written above it; a missing required column is an error of row 1.</summary>
    private InquiryRows Read(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheets.FirstOrDefault(w => w.Name == SheetName) ?? workbook.Worksheets.First();
        var columnOf = Columns(sheet.Row(1).CellsUsed().Select(cell => (cell.Address.ColumnNumber, cell.GetString())), sheet.Name, out var errors);
        if (errors.Count > 0)
        {
            return new InquiryRows(sheet.Name, [], errors, f => f.ToString());
        }

        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        if (last - 1 > MaxRows)
        {
            return new InquiryRows(sheet.Name, [], [new InquirySheetError(sheet.Name, 1, string.Empty, "Inquiry_Import_TooManyRows", MaxRows)], f => f.ToString());
        }

        var rows = new List<InquiryInputRow>();
        for (var r = 2; r <= last; r++)
        {
            var number = r;
            rows.Add(new InquiryInputRow(number, columnOf.ToDictionary(c => c.Key, c => (c.Value.Header, Cell(sheet.Cell(number, c.Value.Position))))));
        }

        return new InquiryRows(sheet.Name, rows, [], f => f.ToString());
    }

    /// <summary>
    /// Which position holds which field, from a header row (a header is a field's code or its label in either
    /// language, in any case); a missing required column is an error of row 1.
    /// </summary>
    public Dictionary<InquiryField, (int Position, string Header)> Columns(IEnumerable<(int Position, string Header)> header, string source, out List<InquirySheetError> errors)
    {
        var columnOf = new Dictionary<InquiryField, (int Position, string Header)>();
        foreach (var (position, written) in header)
        {
            var text = written.Trim();
            if (FieldOf(text) is { } field)
            {
                columnOf.TryAdd(field, (position, text));
            }
        }

        errors = Required.Where(f => !columnOf.ContainsKey(f))
            .Select(missing => new InquirySheetError(source, 1, Header(missing), "Inquiry_Import_MissingColumn", Header(missing)))
            .ToList();
        return columnOf;
    }

    /// <summary>The field a header or JSON property names: its code or its label in either language, in any case.</summary>
    public InquiryField? FieldOf(string name) => (_fieldNames ??= FieldNames()).TryGetValue(name.Trim(), out var field) ? field : null;

    private Dictionary<string, InquiryField>? _fieldNames;

    private Dictionary<string, InquiryField> FieldNames()
    {
        var names = new Dictionary<string, InquiryField>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in ImportColumns)
        {
            foreach (var name in HeaderNames(field))
            {
                names.TryAdd(name, field);
            }
        }

        return names;
    }

    /// <summary>
    /// One row's cells read into an inquiry's form; an empty row is skipped. A required value missing or
    /// unreadable marks the row incomplete, so that its other rules are not checked.
    /// </summary>
    private ImportRow? Parse(InquiryInputRow input, InquiryRows rows, Dictionary<string, InquiryKind> kinds, Dictionary<string, InquiryChannel> channels, List<InquirySheetError> errors)
    {
        var number = input.Number;
        var row = new ImportRow(number, input.Cells.ToDictionary(c => c.Key, c => c.Value.Header), rows.Label);
        string? Text(InquiryField field) => input.Cells.TryGetValue(field, out var c) ? InquiryText.Clean(c.Cell.Text) : null;
        void Error(InquiryField field, string key, params object[] arguments) => errors.Add(new InquirySheetError(rows.Source, number, row.HeaderOf(field), key, arguments));

        if (ImportColumns.All(f => Text(f) is null && (!input.Cells.TryGetValue(f, out var c) || c.Cell.Time is null)))
        {
            return null;
        }

        foreach (var field in Required.Where(f => Text(f) is null && (!input.Cells.TryGetValue(f, out var c) || c.Cell.Time is null)))
        {
            Error(field, "Inquiry_Required");
            row.Incomplete = true;
        }

        row.ExternalId = Text(InquiryField.ExternalId);
        if (Text(InquiryField.Kind) is { } kindText)
        {
            if (kinds.TryGetValue(kindText, out var kind))
            {
                row.Form.Kind = kind;
            }
            else
            {
                Error(InquiryField.Kind, "Inquiry_KindUnknown", kindText);
                row.Incomplete = true;
            }
        }

        if (Text(InquiryField.Channel) is { } channelText)
        {
            if (channels.TryGetValue(channelText, out var channel))
            {
                row.Form.Channel = channel;
            }
            else
            {
                Error(InquiryField.Channel, "Inquiry_ChannelUnknown", channelText);
                row.Incomplete = true;
            }
        }

        row.Form.ExternalId = row.ExternalId;
        row.Form.Outlet = Text(InquiryField.Outlet) ?? string.Empty;
        row.Form.Requester = Text(InquiryField.Requester);
        row.Form.SourceUrl = Text(InquiryField.SourceUrl);
        row.Form.Topic = Text(InquiryField.Topic) ?? string.Empty;
        row.Form.Details = Text(InquiryField.Details);
        row.Form.PillarCode = Text(InquiryField.Pillar) is { } pillar ? InquiryText.NormalizeDigits(pillar).ToUpperInvariant() : null;
        row.AssignedToEmail = Text(InquiryField.AssignedTo);
        row.ResponseText = Text(InquiryField.ResponseText);
        row.ReferredToName = Text(InquiryField.ReferredTo);

        var times = new Dictionary<InquiryField, DateTime?>();
        foreach (var field in Times)
        {
            if (!input.Cells.TryGetValue(field, out var column) || (column.Cell.Time is null && Text(field) is null))
            {
                continue;
            }

            var value = column.Cell.Time ?? InquiryText.ParseDateTime(column.Cell.Text);
            if (value is null)
            {
                Error(field, "Inquiry_NotADateTime", column.Cell.Text ?? string.Empty);
                if (field == InquiryField.ReceivedAt)
                {
                    row.Incomplete = true;
                }

                continue;
            }

            times[field] = value;
        }

        if (times.GetValueOrDefault(InquiryField.ReceivedAt) is { } receivedLocal)
        {
            row.Form.ReceivedAt = receivedLocal;
        }

        row.Form.RequesterDeadline = times.GetValueOrDefault(InquiryField.RequesterDeadline);
        row.FirstResponseAt = Utc(times.GetValueOrDefault(InquiryField.FirstResponseAt));
        row.AnsweredAt = Utc(times.GetValueOrDefault(InquiryField.AnsweredAt));
        row.ClosedAt = Utc(times.GetValueOrDefault(InquiryField.ClosedAt));
        return row;
    }

    private DateTime? Utc(DateTime? local) => local is { } l ? InquiryService.ToUtc(l, Zone) : null;

    /// <summary>A workbook cell: its text, and the time it holds when Excel stored a date (or a number that is one).</summary>
    private static InquiryCell Cell(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return InquiryCell.Empty;
        }

        DateTime? time = cell.DataType switch
        {
            XLDataType.DateTime => DateTime.SpecifyKind(cell.GetDateTime(), DateTimeKind.Unspecified),
            XLDataType.Number when cell.GetDouble() is > 1 and < 2958465 => DateTime.SpecifyKind(DateTime.FromOADate(cell.GetDouble()), DateTimeKind.Unspecified),
            _ => null,
        };
        return new InquiryCell(cell.GetString(), time);
    }

    private IEnumerable<string> HeaderNames(InquiryField field) =>
        [field.ToString(), localizer.WithCulture(Bilingual.CreateCulture(Bilingual.Arabic), $"Inquiry_Field_{field}"), localizer.WithCulture(Bilingual.CreateCulture(Bilingual.English), $"Inquiry_Field_{field}")];

    /// <summary>Every way an enum value may be written: its code and its label in both languages.</summary>
    private Dictionary<string, T> Labels<T>(string prefix)
        where T : struct, Enum
    {
        var labels = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            labels.TryAdd(value.ToString(), value);
            labels.TryAdd(localizer.WithCulture(Bilingual.CreateCulture(Bilingual.Arabic), $"{prefix}_{value}"), value);
            labels.TryAdd(localizer.WithCulture(Bilingual.CreateCulture(Bilingual.English), $"{prefix}_{value}"), value);
        }

        return labels;
    }

    private void Time(IXLCell cell, DateTime? utc)
    {
        if (utc is { } value)
        {
            cell.Value = TimeZoneInfo.ConvertTimeFromUtc(value, Zone);
            cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
        }
    }

    private void AddHelp(XLWorkbook workbook, IReadOnlyList<PillarOption> pillars)
    {
        var help = ExcelSheets.Add(workbook, "Help", [localizer["Inquiry_Help_Column"].Value, localizer["Inquiry_Help_Values"].Value]);
        var r = 2;
        void Line(string column, string values)
        {
            help.Cell(r, 1).Value = column;
            help.Cell(r, 2).Value = values;
            r++;
        }

        Line(Header(InquiryField.Kind), string.Join(" · ", Enum.GetValues<InquiryKind>().Select(k => localizer[$"InquiryKind_{k}"].Value)));
        Line(Header(InquiryField.Channel), string.Join(" · ", Enum.GetValues<InquiryChannel>().Select(k => localizer[$"InquiryChannel_{k}"].Value)));
        Line(Header(InquiryField.Pillar), string.Join(" · ", pillars.Select(p => $"{p.Code} {Bilingual.Pick(p.NameAr, p.NameEn)}")));
        Line(localizer["Inquiry_Help_Times"].Value, InquiryText.DateTimeFormat + " — " + localizer["Inquiry_Help_TimeZone", platform.Value.TimeZone]);
        Line(Header(InquiryField.ExternalId), localizer["Inquiry_Help_ExternalId"].Value);
        Line(Header(InquiryField.AssignedTo), localizer["Inquiry_Help_AssignedTo"].Value);
        ExcelSheets.Widths(help, 30, 120);
    }

    private sealed class ImportRow(int number, Dictionary<InquiryField, string> headers, Func<InquiryField, string> label)
    {
        public int Number { get; } = number;

        public InquiryForm Form { get; } = new();

        public string? ExternalId { get; set; }

        public string? AssignedToEmail { get; set; }

        public string? ResponseText { get; set; }

        public string? ReferredToName { get; set; }

        public DateTime? ReferredAt { get; set; }

        public DateTime? FirstResponseAt { get; set; }

        public DateTime? AnsweredAt { get; set; }

        public DateTime? ClosedAt { get; set; }

        /// <summary>A required value is missing or unreadable: the row's other rules are not checked.</summary>
        public bool Incomplete { get; set; }

        /// <summary>An existing inquiry's deadline, kept when the file has no deadline column (a UTC instant).</summary>
        public DateTime? KeepDeadline { get; set; }

        public bool Has(InquiryField field) => headers.ContainsKey(field);

        public string HeaderOf(InquiryField field) => headers.TryGetValue(field, out var header) ? header : label(field);
    }
}
