using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

/// <summary>
/// <c>soak-seed OUTPUT.json</c> (scripts/soak.sh, docs/performance.md §National-scale soak): the national scale
/// seeded into a running stack's database, which the app's own configuration names (the environment
/// variables of scripts/production-stack.sh) — institutions up to <c>SOAK_INSTITUTIONS</c> (300), a framework of
/// 6 pillars × 5 practices × 10 percentage indicators (<see cref="BenchmarkSeed"/>) with an open period and a
/// draft for every active institution, and for the first <c>SOAK_DIRECTORS</c> (50) new institutions a director
/// account (password <c>SOAK_PASSWORD</c>) and an <c>answers:write</c> token bound to the institution. Writes what
/// the load driver needs (ids, codes, accounts, tokens) as JSON. Users and tokens go through the app's own
/// services (Identity, <see cref="ApiTokenService"/>); the demo seed is untouched.
/// </summary>
internal static class SoakSeed
{
    public const string Command = "soak-seed";
    public const string VersionCode = "SOAK300";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: soak-seed OUTPUT.json (database from Database__Provider and ConnectionStrings__Default)");
            return 2;
        }

        var institutions = Number("SOAK_INSTITUTIONS", 300);
        var directors = Number("SOAK_DIRECTORS", 50);
        var password = Environment.GetEnvironmentVariable("SOAK_PASSWORD")
            ?? throw new InvalidOperationException("Set SOAK_PASSWORD (the directors' password).");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddStrategyGovData();
        builder.AddStrategyGovIdentity();
        builder.Services.AddStrategyGovLocalization();
        builder.Services.AddStrategyGovFeatures();
        await using var app = builder.Build();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>();
        var ct = CancellationToken.None;

        // Institutions up to the national count: the demo's active ones and new ones of the first type.
        List<Institution> created;
        int[] active;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.StrategyVersions.AnyAsync(v => v.Code == VersionCode, ct))
            {
                throw new InvalidOperationException($"This database already holds the soak's framework ({VersionCode}): run the soak on a fresh stack.");
            }

            var type = await db.InstitutionTypes.OrderBy(t => t.Order).FirstAsync(ct);
            var existing = await db.Institutions.CountAsync(i => i.IsActive, ct);
            created = Enumerable.Range(1, Math.Max(directors, institutions - existing)).Select(n => new Institution
            {
                Code = string.Create(CultureInfo.InvariantCulture, $"SOAK-{n:000}"),
                NameAr = string.Create(CultureInfo.InvariantCulture, $"جهة الاختبار الوطني {n}"),
                NameEn = string.Create(CultureInfo.InvariantCulture, $"Soak institution {n}"),
                TypeId = type.Id,
            }).ToList();
            db.Institutions.AddRange(created);
            await db.SaveChangesAsync(ct);
            active = await db.Institutions.Where(i => i.IsActive).OrderBy(i => i.Id).Select(i => i.Id).ToArrayAsync(ct);
        }

        var periodId = await BenchmarkSeed.IndicatorsAsync(dbFactory, active, VersionCode, 5, 10, pillars: 6, opensOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7));

        Dictionary<int, int> submissions;
        string[] codes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            submissions = await db.Submissions.Where(s => s.PeriodId == periodId).ToDictionaryAsync(s => s.InstitutionId, s => s.Id, ct);
            codes = await db.Indicators.Where(i => i.Practice.Pillar.StrategyVersion.Code == VersionCode)
                .OrderBy(i => i.Practice.Pillar.Order).ThenBy(i => i.Practice.Order).ThenBy(i => i.Order).Select(i => i.Code).ToArrayAsync(ct);
        }

        // A director and a token for each of the first institutions, through the app's services.
        var accounts = new List<object>();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var adminUser = (await users.GetUsersInRoleAsync(AppRoles.CenterAdmin)).OrderBy(u => u.Email).FirstOrDefault()
                ?? throw new InvalidOperationException("No CenterAdmin in the database (the stack starts with the demo accounts).");
            var admin = new Actor(adminUser.Id, adminUser.FullName, new HashSet<string> { AppRoles.CenterAdmin }, null);
            var tokens = app.Services.GetRequiredService<ApiTokenService>();
            foreach (var institution in created.Take(directors))
            {
                var email = $"director.{institution.Code.ToLowerInvariant()}@strategygov.local";
                var user = new ApplicationUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    FullName = $"مدير {institution.NameAr}",
                    InstitutionId = institution.Id,
                    RoleNames = AppRoles.InstitutionDirector,
                    CreatedAt = DateTime.UtcNow,
                };
                Check(await users.CreateAsync(user, password), email);
                Check(await users.AddToRoleAsync(user, AppRoles.InstitutionDirector), email);
                var token = await tokens.CreateAsync(
                    admin, $"soak {institution.Code}", ApiScopes.AnswersWrite, institution.Id, DateTime.UtcNow.AddDays(1), ct, requestsPerMinute: 100_000);
                accounts.Add(new { institutionId = institution.Id, code = institution.Code, submissionId = submissions[institution.Id], email, token = token.Token });
            }
        }

        var output = new { periodId, versionCode = VersionCode, institutionIds = active, indicators = codes, directors = accounts };
        await File.WriteAllTextAsync(args[1], JsonSerializer.Serialize(output), ct);
        Console.WriteLine($"Soak data: {active.Length} institutions ({created.Count} new), {codes.Length} indicators, period {periodId} open, {accounts.Count} directors with a token each.");
        return 0;
    }

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Soak account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
