using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Accounts made the way the platform makes them: invited by an administrator, accepted through the link over HTTP.</summary>
public static partial class Accounts
{
    /// <summary>A password that meets the rules (10 characters, upper, lower, digit, symbol).</summary>
    public const string Password = "Strong#Pass2026";

    /// <summary>Invites a new account as the demo administrator; the link comes back because tests have no SMTP.</summary>
    public static async Task<IssuedLink> InviteAsync(this StrategyGovAppFactory app, string email, string role, string? institutionCode = null, string fullName = "مستخدم تجريبي")
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var form = new UserForm
        {
            Email = email,
            FullName = fullName,
            Roles = [role],
            InstitutionId = institutionCode is null ? null : await app.InstitutionIdAsync(institutionCode),
        };
        return await app.Service<UserService>().CreateAsync(admin, form, requestBase: null, CancellationToken.None);
    }

    /// <summary>Opens the link, then posts the password form, as a browser does; returns the form's answer (a redirect).</summary>
    public static async Task<HttpResponseMessage> AcceptAsync(this StrategyGovAppFactory app, string link, string password = Password, string? confirmation = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var opened = await client.GetAsync(PathOf(link));
        if (opened.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The link answered {(int)opened.StatusCode}.");
        }

        var page = await client.GetStringAsync("/account/set-password");
        var token = AntiforgeryToken().Match(page);
        if (!page.Contains("data-testid=\"new-password\"", StringComparison.Ordinal) || !token.Success)
        {
            return new HttpResponseMessage(HttpStatusCode.Gone) { Content = new StringContent(page) };
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token.Groups[1].Value,
            ["password"] = password,
            ["confirmation"] = confirmation ?? password,
        });
        return await client.PostAsync("/account/set-password", form);
    }

    /// <summary>An active account with <see cref="Password"/>: invited, then accepted over HTTP.</summary>
    public static async Task<string> ActiveUserAsync(this StrategyGovAppFactory app, string role, string? institutionCode = null, string? email = null)
    {
        email ??= $"u{Guid.NewGuid():N}"[..13] + "@example.gov.sa";
        var issued = await app.InviteAsync(email, role, institutionCode);
        var accepted = await app.AcceptAsync(issued.Link!);
        if (accepted.Headers.Location?.OriginalString != "/account/login?notice=password-set")
        {
            throw new InvalidOperationException($"Accepting the invitation of {email} failed: {accepted.Headers.Location}");
        }

        return email;
    }

    /// <summary>Signs in through the form and returns the authentication cookie(s) it set, to replay later.</summary>
    public static async Task<string> AuthCookieAsync(this StrategyGovAppFactory app, string email, string password = Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignIn.PostAsync(client, email, password);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(c => c.StartsWith("StrategyGov.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList()
            : [];
        return cookies.Count > 0
            ? string.Join("; ", cookies)
            : throw new InvalidOperationException($"Signing in as {email} set no cookie: {response.Headers.Location}");
    }

    /// <summary>A GET with exactly this cookie (no cookie handling of its own, redirects not followed).</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this StrategyGovAppFactory app, string path, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public static async Task<ApplicationUser> StoredUserAsync(this StrategyGovAppFactory app, string email)
    {
        await using var db = await app.DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    public static async Task<string> UserIdAsync(this StrategyGovAppFactory app, string email) => (await app.StoredUserAsync(email)).Id;

    /// <summary>The path and query of a link (links are relative in tests, absolute when the public address is configured).</summary>
    public static string PathOf(string link) => link.StartsWith('/') ? link : new Uri(link).PathAndQuery;

    /// <summary>The token inside a link.</summary>
    public static string TokenOf(string link) => Regex.Match(link, "token=(sgl_[0-9a-f]{64})").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
