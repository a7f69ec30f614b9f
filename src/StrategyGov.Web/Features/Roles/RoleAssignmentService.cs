using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Governance;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

/// <summary>What a director enters for an assignment (a new one, or a correction of its contacts and dates).</summary>
public sealed record AssignmentInput(
    int RoleId,
    string? PersonName,
    string? PersonTitle,
    string? Email,
    string? Phone,
    string? DeputyName,
    string? DeputyEmail,
    string? DeputyPhone,
    DateOnly? StartsOn,
    DateOnly? EndsOn);

public sealed record InstitutionRoles(InstitutionInfo Institution, bool CanEdit, DateOnly Today, int ConfirmationDays, IReadOnlyList<RoleSlot> Slots);

public sealed record RegisterFilter(string? TypeCode = null, bool GapsOnly = false, string? RoleCode = null);

public sealed record RegisterRow(InstitutionInfo Institution, IReadOnlyList<RoleSlot> Slots)
{
    public int Gaps => Slots.Count(s => s.IsGap);
}

/// <summary>The national register: every active institution × every required role.</summary>
public sealed record NationalRegister(IReadOnlyList<RoleInfo> Roles, IReadOnlyList<RegisterRow> Rows, DateOnly Today, int ConfirmationDays);

/// <summary>
/// Role assignments of institutions: the director keeps their own institution's register, its
/// contributors read it, the center and officials read every institution's (the national register).
/// </summary>
public sealed class RoleAssignmentService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    RoleRegister register,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<InstitutionRoles> GetInstitutionAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await RoleRegister.InstitutionAsync(db, institutionId, ct);
        var roles = await RoleRegister.RolesAsync(db, ct);
        var slots = await register.SlotsAsync(db, [institutionId], roles, ct);
        return new InstitutionRoles(institution, actor.IsDirectorOf(institutionId), register.Today, register.ConfirmationDays, slots[institutionId]);
    }

    /// <summary>
    /// Names a new holder. A holder still in the role is handed over: their assignment ends the day
    /// before the new one starts and stays in the history.
    /// </summary>
    public async Task<int> AddAsync(Actor actor, int institutionId, AssignmentInput input, CancellationToken ct)
    {
        actor.EnsureDirectorOf(institutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        if (!await db.Institutions.AnyAsync(i => i.Id == institutionId, ct))
        {
            throw new NotFoundException();
        }

        if (!await db.CommunicationRoles.AnyAsync(r => r.Id == input.RoleId, ct))
        {
            throw new RuleViolationException("Roles_UnknownRole");
        }

        var startsOn = Validate(input);
        var open = await db.RoleAssignments
            .Where(a => a.InstitutionId == institutionId && a.RoleId == input.RoleId && (a.EndsOn == null || a.EndsOn >= startsOn))
            .ToListAsync(ct);
        if (open.Any(a => a.StartsOn >= startsOn))
        {
            throw new RuleViolationException("Roles_StartsBeforeCurrent");
        }

        foreach (var previous in open)
        {
            previous.EndsOn = startsOn.AddDays(-1);
            previous.Version++;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var assignment = new RoleAssignment
        {
            InstitutionId = institutionId,
            RoleId = input.RoleId,
            PersonName = string.Empty,
            CreatedAt = now,
        };
        Apply(assignment, input, startsOn, actor, now);
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return assignment.Id;
    }

    /// <summary>Corrects an assignment's person, contacts or dates (the role stays); saving confirms the contacts.</summary>
    public async Task UpdateAsync(Actor actor, int assignmentId, AssignmentInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var assignment = await LoadForChangeAsync(db, actor, assignmentId, ct);
        var startsOn = Validate(input);
        Apply(assignment, input, startsOn, actor, clock.GetUtcNow().UtcDateTime);
        assignment.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends an assignment on its last day; it stays visible in the history.</summary>
    public async Task EndAsync(Actor actor, int assignmentId, DateOnly lastDay, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var assignment = await LoadForChangeAsync(db, actor, assignmentId, ct);
        if (lastDay < assignment.StartsOn)
        {
            throw new RuleViolationException("Roles_EndBeforeStart");
        }

        assignment.EndsOn = lastDay;
        assignment.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The director confirms with one click that the holder's and the deputy's contacts are still right.</summary>
    public async Task ConfirmAsync(Actor actor, int assignmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var assignment = await LoadForChangeAsync(db, actor, assignmentId, ct);
        assignment.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        assignment.ConfirmedByName = actor.Name;
        assignment.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The center's "who to call" list: every active institution × every required role.</summary>
    public async Task<NationalRegister> GetRegisterAsync(Actor actor, RegisterFilter filter, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = (await RoleRegister.RolesAsync(db, ct))
            .Where(r => r.IsRequired && (filter.RoleCode is null || r.Code == filter.RoleCode))
            .ToList();
        var type = string.IsNullOrWhiteSpace(filter.TypeCode) ? null : filter.TypeCode;
        var institutions = await RoleRegister.Institutions(db.Institutions.Where(i => i.IsActive && (type == null || i.Type.Code == type)))
            .ToListAsync(ct);
        var slots = await register.SlotsAsync(db, institutions.Select(i => i.Id).ToList(), roles, ct);
        var rows = institutions.Select(i => new RegisterRow(i, slots[i.Id]))
            .Where(r => !filter.GapsOnly || r.Gaps > 0)
            .ToList();
        return new NationalRegister(roles, rows, register.Today, register.ConfirmationDays);
    }

    public async Task<FileDownload> ExportRegisterAsync(Actor actor, RegisterFilter filter, CancellationToken ct)
    {
        var national = await GetRegisterAsync(actor, filter, ct);
        var sheet = ContactSheet(L("Roles_RegisterSheet"), withInstitution: true);
        foreach (var row in national.Rows)
        {
            foreach (var slot in row.Slots)
            {
                AddContactRow(sheet, row.Institution, slot, slot.Current);
            }
        }

        return sheet.ToFile("roles-register.xlsx");
    }

    /// <summary>One institution's assignments, current and past, for its own records.</summary>
    public async Task<FileDownload> ExportInstitutionAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        var roles = await GetInstitutionAsync(actor, institutionId, ct);
        var sheet = ContactSheet(L("Roles_InstitutionSheet"), withInstitution: false);
        foreach (var slot in roles.Slots)
        {
            if (slot.Current is null && slot.History.Count == 0)
            {
                AddContactRow(sheet, null, slot, null);
            }

            foreach (var assignment in slot.History.Prepend(slot.Current).OfType<AssignmentView>())
            {
                AddContactRow(sheet, null, slot, assignment);
            }
        }

        return sheet.ToFile($"roles-{roles.Institution.Code}.xlsx");
    }

    private ExcelSheet ContactSheet(string name, bool withInstitution)
    {
        var columns = new List<(string, double)>();
        if (withInstitution)
        {
            columns.AddRange([(L("InstitutionCode"), 14), (L("Institution"), 36), (L("InstitutionType"), 16)]);
        }

        columns.AddRange(
        [
            (L("Roles_Role"), 30), (L("Roles_Status"), 22), (L("Roles_Person"), 28), (L("Roles_PersonTitle"), 28), (L("Email"), 30), (L("Phone"), 18),
            (L("Roles_Deputy"), 28), (L("Roles_DeputyEmail"), 30), (L("Roles_DeputyPhone"), 18), (L("Roles_StartsOn"), 13), (L("Roles_EndsOn"), 13),
            (L("Roles_ConfirmedOn"), 13),
        ]);
        return new ExcelSheet(name, [.. columns]);
    }

    private void AddContactRow(ExcelSheet sheet, InstitutionInfo? institution, RoleSlot slot, AssignmentView? a)
    {
        var status = a is not null && a != slot.Current
            ? L("Roles_Ended")
            : slot.IsGap ? string.Join(L("ListSeparator"), slot.Gaps.Select(g => L($"RoleGap_{g}"))) : L("Roles_Filled");
        var values = new List<object?>();
        if (institution is not null)
        {
            values.AddRange([institution.Code, Bilingual.Pick(institution.NameAr, institution.NameEn), Bilingual.Pick(institution.TypeNameAr, institution.TypeNameEn)]);
        }

        values.AddRange(
        [
            Bilingual.Pick(slot.Role.TitleAr, slot.Role.TitleEn), status, a?.PersonName, a?.PersonTitle, a?.Email, a?.Phone,
            a?.DeputyName, a?.DeputyEmail, a?.DeputyPhone, a?.StartsOn, a?.EndsOn, a?.ConfirmedOn,
        ]);
        sheet.Add([.. values]);
    }

    private string L(string key) => localizer[key];

    private static async Task<RoleAssignment> LoadForChangeAsync(StrategyGovDbContext db, Actor actor, int assignmentId, CancellationToken ct)
    {
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct) ?? throw new NotFoundException();
        actor.EnsureDirectorOf(assignment.InstitutionId);
        return assignment;
    }

    private static DateOnly Validate(AssignmentInput input)
    {
        if (string.IsNullOrWhiteSpace(input.PersonName))
        {
            throw new RuleViolationException("Roles_NameRequired");
        }

        if (string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Phone))
        {
            throw new RuleViolationException("Roles_ContactRequired");
        }

        if (!string.IsNullOrWhiteSpace(input.DeputyName) && string.IsNullOrWhiteSpace(input.DeputyEmail) && string.IsNullOrWhiteSpace(input.DeputyPhone))
        {
            throw new RuleViolationException("Roles_DeputyContactRequired");
        }

        foreach (var email in new[] { input.Email, input.DeputyEmail }.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (!MailAddress.TryCreate(email!.Trim(), out var parsed) || parsed.Address != email.Trim())
            {
                throw new RuleViolationException("Roles_InvalidEmail", email);
            }
        }

        var startsOn = input.StartsOn ?? throw new RuleViolationException("Roles_StartRequired");
        if (input.EndsOn is { } end && end < startsOn)
        {
            throw new RuleViolationException("Roles_EndBeforeStart");
        }

        return startsOn;
    }

    private static void Apply(RoleAssignment assignment, AssignmentInput input, DateOnly startsOn, Actor actor, DateTime now)
    {
        assignment.PersonName = input.PersonName!.Trim();
        assignment.PersonTitle = Clean(input.PersonTitle);
        assignment.Email = Clean(input.Email);
        assignment.Phone = Clean(input.Phone);
        assignment.DeputyName = Clean(input.DeputyName);
        assignment.DeputyEmail = assignment.DeputyName is null ? null : Clean(input.DeputyEmail);
        assignment.DeputyPhone = assignment.DeputyName is null ? null : Clean(input.DeputyPhone);
        assignment.StartsOn = startsOn;
        assignment.EndsOn = input.EndsOn;

        // Whoever enters the contacts vouches for them today.
        assignment.ConfirmedAt = now;
        assignment.ConfirmedByName = actor.Name;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
