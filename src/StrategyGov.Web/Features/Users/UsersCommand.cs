using System.Globalization;
using Microsoft.Extensions.Options;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// The first administrator of a fresh installation (docs/deployment.md), run by the same binary instead of
/// the web server, with the app's configuration:
/// <code>
/// dotnet StrategyGov.Web.dll users create-admin --email admin@center.gov.example [--name "Full name"] [--base-url https://strategygov.example]
/// </code>
/// Creates the account (CenterAdmin, no password) and prints a one-time setup link; run again for an
/// existing administrator, it prints a new link (the earlier one stops working): the way back in when the
/// only administrator lost their password. Exit code 0 when a link was printed.
/// </summary>
public static class UsersCommand
{
    public const string AuditName = "command line (users create-admin)";

    public static bool IsRequested(string[] args) => args is ["users", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = Options(args.Skip(2));
        if (args is not ["users", "create-admin", ..] || options.GetValueOrDefault("email") is not { Length: > 0 } email)
        {
            Console.Error.WriteLine("Usage: dotnet StrategyGov.Web.dll users create-admin --email <address> [--name \"Full name\"] [--base-url https://…]");
            return 2;
        }

        try
        {
            await app.PrepareDatabaseAsync();
            var baseUrl = options.GetValueOrDefault("base-url") ?? app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value.PublicBaseUrl;
            return await CreateAdminAsync(app.Services, email, options.GetValueOrDefault("name"), baseUrl, Console.Out, app.Lifetime.ApplicationStopping);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>The command's work, on a prepared database; writes what the operator reads to <paramref name="output"/>.</summary>
    internal static async Task<int> CreateAdminAsync(IServiceProvider services, string email, string? name, string? baseUrl, TextWriter output, CancellationToken ct)
    {
        email = UserRules.AsciiDigits(email.Trim());
        if (!UserRules.IsEmail(email))
        {
            await output.WriteLineAsync($"'{email}' is not an e-mail address.");
            return 1;
        }

        var links = services.GetRequiredService<AccountLinkService>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var operation = IdentityOperation.Begin(services.GetRequiredService<IServiceScopeFactory>());
        operation.Db.AuditAs(new AuditIdentity(null, AuditName, null));

        var user = await operation.Users.FindByEmailAsync(email);
        AccountToken entity;
        string token;
        if (user is null)
        {
            var form = new UserForm { Email = email, FullName = string.IsNullOrWhiteSpace(name) ? email : name.Trim(), Roles = [AppRoles.CenterAdmin] };
            await using var transaction = await operation.Db.Database.BeginTransactionAsync(ct);
            user = UserService.NewUser(form, createdById: null, clock.GetUtcNow().UtcDateTime);
            (entity, token) = await links.AddAsync(operation.Db, user, AccountTokenPurpose.AdminSetup, issuedById: null, ct);
            await UserService.SaveNewAsync(operation, user, form.Roles);
            await transaction.CommitAsync(ct);
            await output.WriteLineAsync($"Created the administrator {email}.");
        }
        else
        {
            var refusal = !await operation.Users.IsInRoleAsync(user, AppRoles.CenterAdmin) ? "exists and is not a center administrator: give it the role on the Users page"
                : !user.IsActive ? "is deactivated: reactivate it on the Users page, as another administrator"
                : (await operation.Users.GetLoginsAsync(user)).Count > 0 ? "signs in with Entra ID: its password is not kept here"
                : null;
            if (refusal is not null)
            {
                await output.WriteLineAsync($"The account {email} {refusal}. Nothing was changed.");
                return 1;
            }

            (entity, token) = await links.AddAsync(operation.Db, user, AccountTokenPurpose.AdminSetup, issuedById: null, ct);
            await operation.Db.SaveChangesAsync(ct);
            await output.WriteLineAsync($"The administrator {email} already exists: a new setup link replaces any earlier one (the current password keeps working until it is used).");
        }

        var zone = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        var expires = TimeZoneInfo.ConvertTimeFromUtc(entity.ExpiresAt, zone.TimeZoneInfo).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await output.WriteLineAsync($"One-time setup link, valid until {expires} ({zone.TimeZone}); it works once:");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"  {AccountLinkService.Url(baseUrl, token)}");
        await output.WriteLineAsync();
        if (string.IsNullOrEmpty(baseUrl))
        {
            await output.WriteLineAsync("Put the platform's public address in front of it (or pass --base-url, or set Smtp__PublicBaseUrl).");
        }

        await output.WriteLineAsync("Open it in a browser to choose the password. Only its hash is stored: it cannot be shown again.");
        return 0;
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var parts = arg[2..].Split('=', 2);
                key = parts.Length == 2 ? null : parts[0];
                if (parts.Length == 2)
                {
                    options[parts[0]] = parts[1];
                }
            }
            else if (key is not null)
            {
                options[key] = arg;
                key = null;
            }
        }

        return options;
    }
}
