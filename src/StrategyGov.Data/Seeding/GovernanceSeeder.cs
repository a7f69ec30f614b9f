using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Governance;

namespace StrategyGov.Data.Seeding;

// The shapes of roles.json, raci.json, role-assignments.json and crisis.json (camelCase like the files).

public sealed record RoleSeed(
    string Code, string TitleAr, string TitleEn, string? ResponsibilitiesAr, string? ResponsibilitiesEn, bool Required, bool DeputyRequired, int Order);

public sealed record RaciSeed(IReadOnlyList<RaciPartySeed> Parties, IReadOnlyList<RaciActivitySeed> Activities);

public sealed record RaciPartySeed(string Code, string NameAr, string NameEn, bool InstitutionSide, int Order);

public sealed record RaciActivitySeed(string Code, string NameAr, string NameEn, int Order, IReadOnlyDictionary<string, RaciLetter> Raci);

/// <summary>A demo assignment; dates are relative to the day of seeding so the demo never goes stale.</summary>
public sealed record RoleAssignmentSeed(
    string Institution,
    string Role,
    string PersonName,
    string? PersonTitle,
    string? Email,
    string? Phone,
    string? DeputyName,
    string? DeputyEmail,
    string? DeputyPhone,
    int StartedDaysAgo,
    int? EndedDaysAgo,
    int ConfirmedDaysAgo);

public sealed record CrisisSeed(IReadOnlyList<CrisisPlanSeed> Plans, IReadOnlyList<CrisisDrillSeed> Drills);

public sealed record CrisisPlanSeed(string Institution, string Title, string? Owner, int? ReviewedDaysAgo, int? ValidForDays, string? DocumentReference);

public sealed record CrisisDrillSeed(string Institution, int HeldDaysAgo, string Scenario, string? Participants, string? Lessons);

/// <summary>
/// Seeds the governance catalogs (communication roles, RACI parties and activities) by code, adding only
/// what is missing so that the center's own edits survive a restart; the demo role assignments and crisis
/// plans are added once, to a database that has none.
/// </summary>
public static class GovernanceSeeder
{
    public static async Task<bool> SeedAsync(StrategyGovDbContext db, string directory, DateTime utcNow, DateOnly today, CancellationToken ct)
    {
        var roles = await SeedRolesAsync(db, await SeedDataReader.ReadFileAsync<List<RoleSeed>>(directory, "roles.json", ct), ct);
        var raci = await SeedRaciAsync(db, await SeedDataReader.ReadFileAsync<RaciSeed>(directory, "raci.json", ct), ct);
        var changed = roles || raci;

        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, ct);
        if (!await db.RoleAssignments.AnyAsync(ct) && File.Exists(Path.Combine(directory, "role-assignments.json")))
        {
            var catalog = await db.CommunicationRoles.ToDictionaryAsync(r => r.Code, ct);
            foreach (var seed in await SeedDataReader.ReadFileAsync<List<RoleAssignmentSeed>>(directory, "role-assignments.json", ct))
            {
                db.RoleAssignments.Add(new RoleAssignment
                {
                    Institution = Lookup(institutions, seed.Institution, "role-assignments.json"),
                    Role = Lookup(catalog, seed.Role, "role-assignments.json"),
                    PersonName = seed.PersonName,
                    PersonTitle = seed.PersonTitle,
                    Email = seed.Email,
                    Phone = seed.Phone,
                    DeputyName = seed.DeputyName,
                    DeputyEmail = seed.DeputyEmail,
                    DeputyPhone = seed.DeputyPhone,
                    StartsOn = today.AddDays(-seed.StartedDaysAgo),
                    EndsOn = seed.EndedDaysAgo is { } ended ? today.AddDays(-ended) : null,
                    ConfirmedAt = utcNow.AddDays(-seed.ConfirmedDaysAgo),
                    CreatedAt = utcNow.AddDays(-seed.StartedDaysAgo),
                });
            }

            changed = true;
        }

        if (!await db.CrisisPlans.AnyAsync(ct) && !await db.CrisisDrills.AnyAsync(ct) && File.Exists(Path.Combine(directory, "crisis.json")))
        {
            var crisis = await SeedDataReader.ReadFileAsync<CrisisSeed>(directory, "crisis.json", ct);
            foreach (var plan in crisis.Plans)
            {
                db.CrisisPlans.Add(new CrisisPlan
                {
                    Institution = Lookup(institutions, plan.Institution, "crisis.json"),
                    Title = plan.Title,
                    Owner = plan.Owner,
                    LastReviewedOn = plan.ReviewedDaysAgo is { } reviewed ? today.AddDays(-reviewed) : null,
                    ValidUntil = plan.ReviewedDaysAgo is { } from && plan.ValidForDays is { } days ? today.AddDays(days - from) : null,
                    DocumentReference = plan.DocumentReference,
                    UpdatedAt = utcNow,
                });
            }

            foreach (var drill in crisis.Drills)
            {
                db.CrisisDrills.Add(new CrisisDrill
                {
                    Institution = Lookup(institutions, drill.Institution, "crisis.json"),
                    HeldOn = today.AddDays(-drill.HeldDaysAgo),
                    Scenario = drill.Scenario,
                    Participants = drill.Participants,
                    Lessons = drill.Lessons,
                    RecordedAt = utcNow.AddDays(-drill.HeldDaysAgo),
                });
            }

            changed = true;
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static async Task<bool> SeedRolesAsync(StrategyGovDbContext db, IReadOnlyList<RoleSeed> seeds, CancellationToken ct)
    {
        var existing = await db.CommunicationRoles.Select(r => r.Code).ToHashSetAsync(ct);
        var missing = seeds.Where(s => !existing.Contains(s.Code)).ToList();
        db.CommunicationRoles.AddRange(missing.Select(s => new CommunicationRole
        {
            Code = s.Code,
            TitleAr = s.TitleAr,
            TitleEn = s.TitleEn,
            ResponsibilitiesAr = s.ResponsibilitiesAr,
            ResponsibilitiesEn = s.ResponsibilitiesEn,
            IsRequired = s.Required,
            DeputyRequired = s.DeputyRequired,
            Order = s.Order,
        }));
        await db.SaveChangesAsync(ct);
        return missing.Count > 0;
    }

    private static async Task<bool> SeedRaciAsync(StrategyGovDbContext db, RaciSeed seed, CancellationToken ct)
    {
        var parties = await db.RaciParties.ToDictionaryAsync(p => p.Code, ct);
        var newParties = seed.Parties.Where(p => !parties.ContainsKey(p.Code)).ToList();
        foreach (var party in newParties)
        {
            parties[party.Code] = new RaciParty
            {
                Code = party.Code, NameAr = party.NameAr, NameEn = party.NameEn, IsInstitutionSide = party.InstitutionSide, Order = party.Order,
            };
            db.RaciParties.Add(parties[party.Code]);
        }

        // Cells are seeded with their activity only: a cell the center emptied stays empty.
        var existing = await db.RaciActivities.Select(a => a.Code).ToHashSetAsync(ct);
        var newActivities = seed.Activities.Where(a => !existing.Contains(a.Code)).ToList();
        db.RaciActivities.AddRange(newActivities.Select(a => new RaciActivity
        {
            Code = a.Code,
            NameAr = a.NameAr,
            NameEn = a.NameEn,
            Order = a.Order,
            Cells = a.Raci.Select(c => new RaciCell { Party = Lookup(parties, c.Key, "raci.json"), Letter = c.Value }).ToList(),
        }));
        await db.SaveChangesAsync(ct);
        return newParties.Count + newActivities.Count > 0;
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> items, string code, string file) =>
        items.TryGetValue(code, out var item) ? item : throw new InvalidDataException($"{file}: unknown code '{code}'.");
}
