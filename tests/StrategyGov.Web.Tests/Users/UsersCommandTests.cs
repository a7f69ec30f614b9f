using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Users;

/// <summary>
/// <c>users create-admin</c>: the first administrator of a fresh Production installation, run as the
/// deployment guide says (the published binary, Production, its own database), then the printed link
/// used in the app; and the command's rules in process.
/// </summary>
public sealed partial class UsersCommandTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string BaseUrl = "https://strategygov.example.gov.sa";

    [Fact]
    public async Task CreateAdmin_FreshProductionDatabase_PrintsALinkThatSetsUpTheAdministrator()
    {
        var folder = Directory.CreateTempSubdirectory("strategygov-cli-");
        var connection = $"Data Source={Path.Combine(folder.FullName, "fresh.db")}";
        try
        {
            var first = await RunAsync(connection, "users", "create-admin", "--email", "first.admin@center.gov.sa", "--name", "مدير المنصة الأول", "--base-url", BaseUrl);
            var again = await RunAsync(connection, "users", "create-admin", "--email=first.admin@center.gov.sa", "--base-url", BaseUrl);
            var usage = await RunAsync(connection, "users", "create-admin");

            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Contains("Created the administrator first.admin@center.gov.sa.", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("already exists", again.Output, StringComparison.Ordinal);
            Assert.Equal(2, usage.ExitCode);
            var (firstLink, secondLink) = (Link().Match(first.Output).Value, Link().Match(again.Output).Value);
            Assert.StartsWith($"{BaseUrl}/account/link?token=sgl_", firstLink, StringComparison.Ordinal);

            await using var onIt = new StrategyGovAppFactory().With("ConnectionStrings:Default", connection);
            var stale = await onIt.AcceptAsync(firstLink);
            var accepted = await onIt.AcceptAsync(secondLink);
            var client = await onIt.SignedInClientAsync("first.admin@center.gov.sa", Accounts.Password);

            Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
            Assert.Equal("/account/login?notice=password-set", accepted.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users")).StatusCode);
            await using var db = await onIt.DbAsync();
            var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "first.admin@center.gov.sa");
            Assert.Equal(("مدير المنصة الأول", AppRoles.CenterAdmin, null), (admin.FullName, admin.RoleNames, admin.CreatedById));
            Assert.Contains(await db.AuditEvents.Where(e => e.EntityType == nameof(ApplicationUser)).Select(e => e.ActorName).ToListAsync(), n => n == UsersCommand.AuditName);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CreateAdmin_ExistingAccountThatIsNotAnAdministrator_IsRefusedAndUnchanged()
    {
        var output = new StringWriter();

        var exit = await UsersCommand.CreateAdminAsync(app.Services, DemoUsers.DirectorMoh, null, null, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("is not a center administrator", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token=", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("InstitutionDirector", (await app.StoredUserAsync(DemoUsers.DirectorMoh)).RoleNames);
    }

    [Fact]
    public async Task CreateAdmin_NoPublicAddress_PrintsThePathAndSaysWhatToPutInFront()
    {
        var output = new StringWriter();

        var exit = await UsersCommand.CreateAdminAsync(app.Services, "second.admin@center.gov.sa", "مشرف ثان", null, output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Matches(@"\n  /account/link\?token=sgl_[0-9a-f]{64}\n", output.ToString());
        Assert.Contains("--base-url", output.ToString(), StringComparison.Ordinal);
        var accepted = await app.AcceptAsync(Link().Match(output.ToString()).Value);
        Assert.Equal("/account/login?notice=password-set", accepted.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("مشرف@center.gov.sa")]
    public async Task CreateAdmin_NotAnEmailAddress_IsRefused(string email)
    {
        var output = new StringWriter();

        var exit = await UsersCommand.CreateAdminAsync(app.Services, email, null, null, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("is not an e-mail address", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Runs the app's binary as an operator would: <c>dotnet StrategyGov.Web.dll …</c> in Production.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string connection, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StrategyGov.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Default"] = connection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"(https://\S+|/)account/link\?token=sgl_[0-9a-f]{64}")]
    private static partial Regex Link();
}
