using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Users;

/// <summary>
/// Sessions end when they should, over real HTTP: a cookie captured before a sign-out, a deactivation or a
/// forced reset is refused on its next request; an open page (circuit) loses its user within the
/// revalidation interval; and a failed sign-in says nothing about the account, after the same work.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly CountingPasswordHasher _hasher = new();
    private readonly StrategyGovAppFactory _app = new StrategyGovAppFactory().With("Users:CircuitRevalidationInterval", "00:00:01");
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _counted = null!;

    public Task InitializeAsync()
    {
        _counted = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(_hasher)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignOut_ACopyOfTheCookieTakenBefore_IsRefusedAfterwards()
    {
        var email = await _app.ActiveUserAsync(AppRoles.Official);
        var copy = await _app.AuthCookieAsync(email);
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SignIn.PostAsync(client, email, Accounts.Password);
        var before = await _app.GetWithCookieAsync("/api/v1/periods", copy);

        var signOut = await PostSignOutAsync(client);
        var after = await _app.GetWithCookieAsync("/api/v1/periods", copy);
        var page = await _app.GetWithCookieAsync("/", copy);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("/account/login", page.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Deactivation_ACookieInUse_IsRefusedOnItsNextRequest()
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        var email = await _app.ActiveUserAsync(AppRoles.InstitutionContributor, "MOH");
        var cookie = await _app.AuthCookieAsync(email);
        var before = await _app.GetWithCookieAsync("/api/v1/periods", cookie);

        await _app.Service<UserService>().SetActiveAsync(admin, await _app.UserIdAsync(email), false, None);
        var after = await _app.GetWithCookieAsync("/api/v1/periods", cookie);
        var signInAgain = await SignIn.PostAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), email, Accounts.Password);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=invalid", signInAgain.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcedReset_ACookieInUse_IsRefused()
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        var email = await _app.ActiveUserAsync(AppRoles.CenterReviewer);
        var cookie = await _app.AuthCookieAsync(email);

        await _app.Service<UserService>().ForcePasswordResetAsync(admin, await _app.UserIdAsync(email), null, None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.GetWithCookieAsync("/api/v1/periods", cookie)).StatusCode);
    }

    [Fact]
    public async Task SignIn_RecordsWhen()
    {
        var email = await _app.ActiveUserAsync(AppRoles.Official);
        var before = DateTime.UtcNow.AddSeconds(-1);

        await _app.AuthCookieAsync(email);

        Assert.InRange((await _app.StoredUserAsync(email)).LastSignInAt ?? DateTime.MinValue, before, DateTime.UtcNow.AddSeconds(1));
    }

    public enum Failure
    {
        UnknownEmail,
        WrongPassword,
        Deactivated,
        Locked,
        NoPasswordYet,
    }

    [Theory]
    [InlineData(Failure.UnknownEmail)]
    [InlineData(Failure.WrongPassword)]
    [InlineData(Failure.Deactivated)]
    [InlineData(Failure.Locked)]
    [InlineData(Failure.NoPasswordYet)]
    public async Task SignIn_EveryKindOfFailure_GetsTheSameAnswerAfterOnePasswordVerification(Failure failure)
    {
        var (email, password) = await ArrangeAsync(failure);
        var client = _counted.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account/login");
        _hasher.Reset();

        var response = await SignIn.PostAsync(client, email, password, "/");

        Assert.Equal("/account/login?error=invalid&returnUrl=%2F", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("StrategyGov.Auth=", StringComparison.Ordinal)));
        Assert.Equal(1, _hasher.Verifications);
        Assert.NotEmpty(page);
    }

    [Fact]
    public async Task SignIn_Success_VerifiesThePasswordOnce()
    {
        var email = await _app.ActiveUserAsync(AppRoles.Official);
        var client = _counted.CreateClient(new() { AllowAutoRedirect = false });
        await client.GetStringAsync("/account/login");
        _hasher.Reset();

        var response = await SignIn.PostAsync(client, email, Accounts.Password, "/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(1, _hasher.Verifications);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndTheLockoutIsInTheAuditTrail()
    {
        var email = await _app.ActiveUserAsync(AppRoles.Official);
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostAsync(client, email, "Wrong#Password1");
        }

        var rightPassword = await SignIn.PostAsync(client, email, Accounts.Password);
        var user = await _app.StoredUserAsync(email);
        Assert.Contains("error=invalid", rightPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(9));
        await using var db = await _app.DbAsync();
        var lockout = await db.AuditEvents.Where(e => e.EntityType == nameof(ApplicationUser) && e.EntityKey == user.Id && e.After!.Contains("LockoutEnd")).ToListAsync();
        Assert.Equal("system", Assert.Single(lockout).ActorName);
        Assert.DoesNotContain("AccessFailedCount", lockout[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_KeepsThisSession_EndsTheOthers_AndRefusesAWrongCurrentPassword()
    {
        var email = await _app.ActiveUserAsync(AppRoles.Official);
        var otherDevice = await _app.AuthCookieAsync(email);
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SignIn.PostAsync(client, email, Accounts.Password);

        var wrong = await PostChangeAsync(client, "Wrong#Current1", "Renewed#Pass2026");
        var changed = await PostChangeAsync(client, Accounts.Password, "Renewed#Pass2026");

        Assert.Equal("/account/password?problems=Password_CurrentWrong", wrong.Headers.Location?.OriginalString);
        Assert.Equal("/account/password?done=1", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/periods")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.GetWithCookieAsync("/api/v1/periods", otherDevice)).StatusCode);
        Assert.Contains("error=invalid", (await SignIn.PostAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), email, Accounts.Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        await _app.AuthCookieAsync(email, "Renewed#Pass2026");
        var user = await _app.StoredUserAsync(email);
        await using var db = await _app.DbAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityKey == user.Id && e.ActorUserId == user.Id && e.After!.Contains("PasswordChangedAt") && e.Sequence > 0));
    }

    [Fact]
    public async Task LoginPage_LockedOrDeactivated_ShowsTheSameMessageAsAWrongPassword()
    {
        var client = _app.CreateClient();

        var invalid = await client.GetStringAsync("/account/login?error=invalid");
        var locked = await client.GetStringAsync("/account/login?error=locked");

        Assert.Contains("أو لا يمكن لهذا الحساب الدخول", invalid, StringComparison.Ordinal);
        Assert.Equal(Message(invalid), Message(locked));

        static string Message(string page) => page[page.IndexOf("login-error", StringComparison.Ordinal)..][..300];
    }

    [Fact]
    public async Task OpenPage_UserDeactivatedElsewhere_LosesItsUserWithinTheInterval()
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        var email = await _app.ActiveUserAsync(AppRoles.InstitutionContributor, "MOH");
        var (circuit, provider) = await CircuitAsync(email, expiresIn: TimeSpan.FromHours(8));
        var (untouched, untouchedProvider) = await CircuitAsync(DemoUsers.Official, expiresIn: TimeSpan.FromHours(8));

        await _app.Service<UserService>().SetActiveAsync(admin, await _app.UserIdAsync(email), false, None);

        Assert.True(await BecomesAnonymousAsync(provider, TimeSpan.FromSeconds(10)));
        Assert.True((await untouchedProvider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        circuit.Dispose();
        untouched.Dispose();
    }

    [Fact]
    public async Task OpenPage_SignedOutElsewhereOrCookieExpired_LosesItsUser()
    {
        var email = await _app.ActiveUserAsync(AppRoles.Official);
        var (signedOut, signedOutProvider) = await CircuitAsync(email, expiresIn: TimeSpan.FromHours(8));
        var (expired, expiredProvider) = await CircuitAsync(DemoUsers.Reviewer, expiresIn: TimeSpan.FromSeconds(-1));
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SignIn.PostAsync(client, email, Accounts.Password);

        await PostSignOutAsync(client);

        Assert.True(await BecomesAnonymousAsync(signedOutProvider, TimeSpan.FromSeconds(10)));
        Assert.True(await BecomesAnonymousAsync(expiredProvider, TimeSpan.FromSeconds(10)));
        signedOut.Dispose();
        expired.Dispose();
    }

    private async Task<(string Email, string Password)> ArrangeAsync(Failure failure)
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        switch (failure)
        {
            case Failure.UnknownEmail:
                return ("nobody.here@moh.gov.sa", Accounts.Password);
            case Failure.WrongPassword:
                return (await _app.ActiveUserAsync(AppRoles.Official), "Wrong#Password1");
            case Failure.Deactivated:
                var deactivated = await _app.ActiveUserAsync(AppRoles.Official);
                await _app.Service<UserService>().SetActiveAsync(admin, await _app.UserIdAsync(deactivated), false, None);
                return (deactivated, Accounts.Password);
            case Failure.Locked:
                var locked = await _app.ActiveUserAsync(AppRoles.Official);
                var users = _app.Service<UserManager<ApplicationUser>>();
                await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddMinutes(10));
                return (locked, Accounts.Password);
            default:
                return ((await _app.InviteAsync($"u{Guid.NewGuid():N}"[..12] + "@moh.gov.sa", AppRoles.InstitutionContributor, "MOH")).Email, Accounts.Password);
        }
    }

    /// <summary>A circuit's authentication state as the app builds it, with the cookie's expiry the cookie check adds.</summary>
    private async Task<(IServiceScope Scope, AuthenticationStateProvider Provider)> CircuitAsync(string email, TimeSpan expiresIn)
    {
        var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync((await users.FindByEmailAsync(email))!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(UserSessions.ExpiresClaim, DateTimeOffset.UtcNow.Add(expiresIn).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.IsType<RevalidatingUserStateProvider>(provider);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (scope, provider);
    }

    private static async Task<bool> BecomesAnonymousAsync(AuthenticationStateProvider provider, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if ((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated != true)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static async Task<HttpResponseMessage> PostSignOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync("/account/logout", form);
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string password)
    {
        var page = await client.GetStringAsync("/account/password");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["current"] = current,
            ["password"] = password,
            ["confirmation"] = password,
        });
        return await client.PostAsync("/account/password", form);
    }

    /// <summary>Identity's own hasher, counting how many times a password is checked.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public void Reset() => Interlocked.Exchange(ref _verifications, 0);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
