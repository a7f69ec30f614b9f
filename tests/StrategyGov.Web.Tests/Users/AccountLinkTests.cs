using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Users;

/// <summary>
/// Invitation and reset links: stored only as a hash, used once, void after their expiry, after a newer
/// link or a deactivation; the password form applies Identity's rules and loses nothing when it refuses.
/// </summary>
public sealed class AccountLinkTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private AccountLinkService Links => app.Service<AccountLinkService>();

    [Fact]
    public async Task Invitation_IsStoredOnlyAsItsSha256_NowhereInTheDatabaseFile()
    {
        var issued = await app.InviteAsync("hash.only@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");
        var token = Accounts.TokenOf(issued.Link!);

        await using (var db = await app.DbAsync())
        {
            var stored = await db.AccountTokens.AsNoTracking().SingleAsync(t => t.UserId == issued.UserId);
            Assert.Equal(AccountLinkService.Hash(token), stored.TokenHash);
            Assert.Equal(64, stored.TokenHash.Length);
            Assert.Equal((AccountTokenPurpose.Invitation, null, null), (stored.Purpose, stored.UsedAt, stored.RevokedAt));
            Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(3));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!, "strategygov.db*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.True(bytes.Length > 0);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token[4..])));
    }

    [Fact]
    public async Task Invitation_AcceptedOverHttp_SignsInOnce_AndTheLinkIsThenVoid()
    {
        var issued = await app.InviteAsync("accepts.once@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");

        var accepted = await app.AcceptAsync(issued.Link!);
        var again = await app.AcceptAsync(issued.Link!, "Other#Pass20266");

        Assert.Equal("/account/login?notice=password-set", accepted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("link-invalid", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var client = await app.SignedInClientAsync(issued.Email, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var user = await app.StoredUserAsync(issued.Email);
        Assert.True(user.EmailConfirmed);
        Assert.NotNull(user.PasswordChangedAt);
    }

    [Fact]
    public async Task LinkAddress_MovesTheTokenIntoACookieAndOutOfTheAddress()
    {
        var issued = await app.InviteAsync("cookie.move@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(issued.Link);

        Assert.Equal("/account/set-password", response.Headers.Location?.OriginalString);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(UsersSetup.LinkCookie, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/account", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("short#A1", "Password_PasswordTooShort")]
    [InlineData("alllowercase#2026", "Password_PasswordRequiresUpper")]
    [InlineData("NoDigits#Here", "Password_PasswordRequiresDigit")]
    [InlineData("NoSymbol2026abc", "Password_PasswordRequiresNonAlphanumeric")]
    public async Task Password_BreakingARule_IsRefusedByName_AndTheLinkStillWorks(string password, string reason)
    {
        var issued = await app.InviteAsync($"rule.{reason.ToLowerInvariant()}@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");

        var refused = await app.AcceptAsync(issued.Link!, password);
        var mismatch = await Links.SetPasswordAsync(Accounts.TokenOf(issued.Link!), Accounts.Password, Accounts.Password + "x", None);
        var accepted = await app.AcceptAsync(issued.Link!);

        Assert.Contains(reason, refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("Password_Mismatch", SetPasswordStatus.Refused), (mismatch.Problems[0].MessageKey, mismatch.Status));
        Assert.Equal("/account/login?notice=password-set", accepted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PasswordForm_ShowsTheRulesAndRefusalsInArabic_AndOnlyKnownMessages()
    {
        var issued = await app.InviteAsync("arabic.form@moh.gov.sa", AppRoles.InstitutionContributor, "MOH", "هند الشهري");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.GetAsync(issued.Link);

        var page = await client.GetStringAsync("/account/set-password?problems=Password_PasswordTooShort,Password_Mismatch,%3Cscript%3E");
        var withoutLink = await app.CreateClient().GetStringAsync("/account/set-password");

        Assert.Contains("مرحبًا بك — اختر كلمة المرور", page, StringComparison.Ordinal);
        Assert.Contains("هند الشهري", page, StringComparison.Ordinal);
        Assert.Contains("يجب ألا تقل كلمة المرور عن 10 أحرف", page, StringComparison.Ordinal);
        Assert.Contains("كلمتا المرور غير متطابقتين", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>", page, StringComparison.Ordinal);
        Assert.Contains("هذا الرابط غير صالح", withoutLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoUsesAtTheSameMoment_OnlyOneSetsThePassword()
    {
        var issued = await app.InviteAsync("raced.link@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");
        var token = Accounts.TokenOf(issued.Link!);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => Links.SetPasswordAsync(token, $"Raced#Pass{i}2026", $"Raced#Pass{i}2026", None))));

        Assert.Equal(1, outcomes.Count(o => o.Status == SetPasswordStatus.Done));
        Assert.Equal(3, outcomes.Count(o => o.Status == SetPasswordStatus.LinkInvalid));
    }

    [Fact]
    public async Task UnknownOrMalformedToken_IsTheSameInvalidLink()
    {
        foreach (var token in new[] { null, "", "abc", "sgl_" + new string('0', 64), "sgl_' OR 1=1 --" })
        {
            Assert.Null(await Links.FindAsync(token, None));
            Assert.Equal(SetPasswordStatus.LinkInvalid, (await Links.SetPasswordAsync(token, Accounts.Password, Accounts.Password, None)).Status);
        }
    }

    [Fact]
    public async Task Links_AfterTheirLifetime_AreVoid()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var invitation = await InviteOnAsync(timed, admin, "expires.later@moh.gov.sa");
        var reset = await InviteOnAsync(timed, admin, "reset.expires@moh.gov.sa");
        var users = timed.Services.CreateScope().ServiceProvider.GetRequiredService<UserService>();
        var links = timed.Services.GetRequiredService<AccountLinkService>();
        await links.SetPasswordAsync(Accounts.TokenOf(reset.Link!), Accounts.Password, Accounts.Password, None);
        var resetLink = await users.ForcePasswordResetAsync(admin, reset.UserId, null, None);

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var resetAfterTwoHours = await links.FindAsync(Accounts.TokenOf(resetLink.Link!), None);
        var invitationAfterTwoHours = await links.FindAsync(Accounts.TokenOf(invitation.Link!), None);
        clock.Advance(TimeSpan.FromDays(3));
        var invitationAfterThreeDays = await links.SetPasswordAsync(Accounts.TokenOf(invitation.Link!), Accounts.Password, Accounts.Password, None);

        Assert.Null(resetAfterTwoHours);
        Assert.NotNull(invitationAfterTwoHours);
        Assert.Equal(SetPasswordStatus.LinkInvalid, invitationAfterThreeDays.Status);
        var row = Assert.Single(await users.ListAsync(admin, new UserFilter(Search: "expires.later"), None));
        Assert.True(row.LinkExpired(clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<IssuedLink> InviteOnAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, Security.Actor admin, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        return await users.CreateAsync(admin, new UserForm { Email = email, FullName = "مستخدم", Roles = [AppRoles.CenterReviewer] }, null, None);
    }
}
