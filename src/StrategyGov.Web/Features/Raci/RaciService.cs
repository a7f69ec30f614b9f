using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Governance;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Raci;

public sealed record PartyView(int Id, string Code, string NameAr, string NameEn, bool IsInstitutionSide, int Order);

public sealed record ActivityView(int Id, string Code, string NameAr, string NameEn, int Order, IReadOnlyDictionary<int, RaciLetter> Cells, IReadOnlyList<RaciProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

public sealed record RaciMatrix(IReadOnlyList<PartyView> Parties, IReadOnlyList<ActivityView> Activities, IReadOnlyList<RaciViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}

public sealed record ActivityInput(int? Id, string? Code, string? NameAr, string? NameEn, int Order);

public sealed record PartyInput(int? Id, string? Code, string? NameAr, string? NameEn, bool IsInstitutionSide, int Order);

/// <summary>One activity in which the institution's own parties hold a letter.</summary>
public sealed record Expectation(ActivityView Activity, IReadOnlyList<(PartyView Party, RaciLetter Letter)> Letters);

public sealed record InstitutionExpectations(InstitutionInfo Institution, IReadOnlyList<Expectation> Items);

/// <summary>
/// The responsibility matrix: every signed-in user reads it, only CenterAdmin changes it. A change that
/// breaks the rules is saved (the center may be half-way through an edit) and reported as a violation,
/// never passed as valid.
/// </summary>
public sealed class RaciService(IDbContextFactory<StrategyGovDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public async Task<RaciMatrix> GetMatrixAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, ct);
    }

    /// <summary>Sets (or clears, with null) one cell and returns the activity's problems after the change.</summary>
    public async Task<IReadOnlyList<RaciProblem>> SetCellAsync(Actor actor, int activityId, int partyId, RaciLetter? letter, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        if (!await db.RaciActivities.AnyAsync(a => a.Id == activityId, ct) || !await db.RaciParties.AnyAsync(p => p.Id == partyId, ct))
        {
            throw new NotFoundException();
        }

        var cell = await db.RaciCells.SingleOrDefaultAsync(c => c.ActivityId == activityId && c.PartyId == partyId, ct);
        if (letter is null)
        {
            if (cell is not null)
            {
                db.RaciCells.Remove(cell);
            }
        }
        else if (cell is null)
        {
            db.RaciCells.Add(new RaciCell { ActivityId = activityId, PartyId = partyId, Letter = letter.Value });
        }
        else
        {
            cell.Letter = letter.Value;
        }

        await db.SaveChangesAsync(ct);
        return RaciValidation.Check(await db.RaciCells.Where(c => c.ActivityId == activityId).Select(c => c.Letter).ToListAsync(ct));
    }

    public async Task<int> SaveActivityAsync(Actor actor, ActivityInput input, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var code = RequireCodeAndNames(input.Code, input.NameAr, input.NameEn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        if (await db.RaciActivities.AnyAsync(a => a.Code == code && a.Id != input.Id, ct))
        {
            throw new RuleViolationException("Catalog_DuplicateCode", code);
        }

        var activity = input.Id is { } id
            ? await db.RaciActivities.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException()
            : db.RaciActivities.Add(new RaciActivity { Code = code, NameAr = string.Empty, NameEn = string.Empty }).Entity;
        activity.Code = code;
        activity.NameAr = input.NameAr!.Trim();
        activity.NameEn = input.NameEn!.Trim();
        activity.Order = input.Order;
        await db.SaveChangesAsync(ct);
        return activity.Id;
    }

    public async Task<int> SavePartyAsync(Actor actor, PartyInput input, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var code = RequireCodeAndNames(input.Code, input.NameAr, input.NameEn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        if (await db.RaciParties.AnyAsync(p => p.Code == code && p.Id != input.Id, ct))
        {
            throw new RuleViolationException("Catalog_DuplicateCode", code);
        }

        var party = input.Id is { } id
            ? await db.RaciParties.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException()
            : db.RaciParties.Add(new RaciParty { Code = code, NameAr = string.Empty, NameEn = string.Empty }).Entity;
        party.Code = code;
        party.NameAr = input.NameAr!.Trim();
        party.NameEn = input.NameEn!.Trim();
        party.IsInstitutionSide = input.IsInstitutionSide;
        party.Order = input.Order;
        await db.SaveChangesAsync(ct);
        return party.Id;
    }

    /// <summary>Deletes an activity with its cells.</summary>
    public async Task DeleteActivityAsync(Actor actor, int activityId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        db.RaciActivities.Remove(await db.RaciActivities.SingleOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a party with its cells; activities left without their A or R show as violations.</summary>
    public async Task DeletePartyAsync(Actor actor, int partyId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        db.RaciParties.Remove(await db.RaciParties.SingleOrDefaultAsync(p => p.Id == partyId, ct) ?? throw new NotFoundException());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"What is expected of us": the activities in which the institution's own parties hold R, A, C or I.</summary>
    public async Task<InstitutionExpectations> GetExpectationsAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await RoleRegister.InstitutionAsync(db, institutionId, ct);
        var matrix = await LoadAsync(db, ct);
        var own = matrix.Parties.Where(p => p.IsInstitutionSide).ToList();
        var items = matrix.Activities
            .Select(a => new Expectation(a, own.Where(p => a.Cells.ContainsKey(p.Id)).Select(p => (p, a.Cells[p.Id])).ToList()))
            .Where(e => e.Letters.Count > 0)
            .ToList();
        return new InstitutionExpectations(institution, items);
    }

    public async Task<FileDownload> ExportExpectationsAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        var expectations = await GetExpectationsAsync(actor, institutionId, ct);
        var sheet = new ExcelSheet(
            localizer["Raci_ExpectedSheet"],
            (localizer["Code"], 8), (localizer["Raci_Activity"], 60), (localizer["Raci_Party"], 40), (localizer["Raci_Letter"], 8), (localizer["Raci_Meaning"], 40));
        foreach (var item in expectations.Items)
        {
            foreach (var (party, letter) in item.Letters)
            {
                sheet.Add(
                    item.Activity.Code,
                    Bilingual.Pick(item.Activity.NameAr, item.Activity.NameEn),
                    Bilingual.Pick(party.NameAr, party.NameEn),
                    letter.ToString(),
                    localizer[$"Raci_Letter_{letter}"].Value);
            }
        }

        return sheet.ToFile($"raci-expected-{expectations.Institution.Code}.xlsx");
    }

    internal static async Task<RaciMatrix> LoadAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var parties = await db.RaciParties.AsNoTracking().OrderBy(p => p.Order).ThenBy(p => p.Code)
            .Select(p => new PartyView(p.Id, p.Code, p.NameAr, p.NameEn, p.IsInstitutionSide, p.Order))
            .ToListAsync(ct);
        var activities = await db.RaciActivities.AsNoTracking().Include(a => a.Cells).OrderBy(a => a.Order).ThenBy(a => a.Code).ToListAsync(ct);
        var views = activities
            .Select(a => new ActivityView(
                a.Id, a.Code, a.NameAr, a.NameEn, a.Order,
                a.Cells.ToDictionary(c => c.PartyId, c => c.Letter),
                RaciValidation.Check(a.Cells.Select(c => c.Letter))))
            .ToList();
        var violations = views.SelectMany(a => a.Problems.Select(p => new RaciViolation(a.Id, a.Code, p))).ToList();
        return new RaciMatrix(parties, views, violations);
    }

    private static string RequireCodeAndNames(string? code, string? nameAr, string? nameEn)
    {
        var clean = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(clean) || string.IsNullOrWhiteSpace(nameAr) || string.IsNullOrWhiteSpace(nameEn))
        {
            throw new RuleViolationException("Catalog_CodeAndTitlesRequired");
        }

        return clean;
    }
}
