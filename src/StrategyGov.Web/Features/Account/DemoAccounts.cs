using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Seeding;

namespace StrategyGov.Web.Features.Account;

public sealed class DemoAccountOptions
{
    public const string Section = "DemoAccounts";

    /// <summary>Create the accounts of seed-data/demo-users.json (one per role) when missing.</summary>
    public bool Enabled { get; set; }

    /// <summary>The development-only password of every demo account (README). Refused outside Development.</summary>
    public string Password { get; set; } = DevelopmentPassword;

    public const string DevelopmentPassword = "Demo#2026!gov";
}

public sealed record DemoUserSeed(string Email, string FullName, string Role, string? Institution);

/// <summary>Demo accounts for every role, for development and demonstrations only.</summary>
public static class DemoAccounts
{
    public const string FileName = "demo-users.json";

    public static async Task<IReadOnlyList<DemoUserSeed>> ReadAsync(string seedDirectory, CancellationToken ct) =>
        await SeedDataReader.ReadFileAsync<List<DemoUserSeed>>(seedDirectory, FileName, ct);

    public static async Task EnsureAsync(
        UserManager<ApplicationUser> users,
        StrategyGovDbContext db,
        IReadOnlyList<DemoUserSeed> seeds,
        string password,
        CancellationToken ct)
    {
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        foreach (var seed in seeds)
        {
            if (await users.FindByEmailAsync(seed.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                FullName = seed.FullName,
                InstitutionId = seed.Institution is null ? null : institutions[seed.Institution],
                RoleNames = seed.Role,
                CreatedAt = DateTime.UtcNow,
            };
            Check(await users.CreateAsync(user, password), seed.Email);
            Check(await users.AddToRoleAsync(user, seed.Role), seed.Email);
        }
    }

    /// <summary>
    /// Outside Development the platform refuses to start while any account opens with the published
    /// development password. Every account with a password is checked, not only those named in
    /// seed-data/ (which a deployment need not have): a demo account kept from a demonstration, or a real
    /// one given the published password, is found the same way (ADR 0102). One hash verification per
    /// account, spread over the cores.
    /// </summary>
    public static async Task EnsureNoDevelopmentPasswordAsync(UserManager<ApplicationUser> users, StrategyGovDbContext db, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.PasswordHash != null).OrderBy(u => u.Email).ToListAsync(ct);
        var hasher = users.PasswordHasher;
        var found = accounts.AsParallel().AsOrdered().WithCancellation(ct)
            .Where(user => hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoAccountOptions.DevelopmentPassword) != PasswordVerificationResult.Failed)
            .Select(user => user.Email)
            .FirstOrDefault();
        if (found is not null)
        {
            throw new InvalidOperationException(
                $"The account {found} still opens with the demo accounts' development password. Change its password or " +
                "delete the account before running outside Development (see README, \"Demo accounts\").");
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
