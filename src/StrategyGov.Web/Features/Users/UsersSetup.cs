using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Users;

public static class UsersSetup
{
    /// <summary>The cookie that carries an account link's token from the link to the password form (path /account, 30 minutes).</summary>
    public const string LinkCookie = "StrategyGov.Link";

    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddOptions<UsersOptions>().BindConfiguration(UsersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserSessions>();

        // Before AddInteractiveServerComponents, whose default provider is only added when none is.
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddSingleton<AccountMail>();
        services.AddSingleton<AccountLinkService>();
        services.AddScoped<UserService>();
        services.AddScoped<UserWorkbook>();
        services.AddScoped<LocalSignIn>();
        services.AddSingleton<PasswordResetRequests>();
        services.AddHostedService<PasswordResetWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        // The service decides who reads what: an administrator every account, a director their institution's.
        var users = app.MapGroup("/users").RequireAuthorization();
        users.MapGet("/export.xlsx", async Task<FileContentHttpResult> (Actor actor, UserWorkbook workbook, CancellationToken ct) =>
            (await workbook.ExportAsync(actor, ct)).ToResult());
        users.MapGet("/import-template.xlsx", async Task<FileContentHttpResult> (Actor actor, UserWorkbook workbook, CancellationToken ct) =>
            (await workbook.TemplateAsync(actor, ct)).ToResult());

        // Account links: plain HTTP, because they set and read cookies.
        var account = app.MapGroup("/account").AllowAnonymous();

        // The link's token moves into a cookie at once, so that it leaves the address bar, the history and
        // any Referer header before the user types a password.
        account.MapGet("/link", async Task<RedirectHttpResult> (string? token, AccountLinkService links, HttpContext context, CancellationToken ct) =>
        {
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (await links.FindAsync(token, ct) is null)
            {
                context.Response.Cookies.Delete(LinkCookie, new CookieOptions { Path = "/account" });
                return TypedResults.LocalRedirect("~/account/set-password?error=link");
            }

            context.Response.Cookies.Append(LinkCookie, token!, new CookieOptions
            {
                Path = "/account",
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromMinutes(30),
                IsEssential = true,
            });
            return TypedResults.LocalRedirect("~/account/set-password");
        });

        account.MapPost("/set-password", async Task<RedirectHttpResult> ([FromForm] SetPasswordForm form, AccountLinkService links, HttpContext context, CancellationToken ct) =>
        {
            var outcome = await links.SetPasswordAsync(context.Request.Cookies[LinkCookie], form.Password, form.Confirmation, ct);
            if (outcome.Status == SetPasswordStatus.Refused)
            {
                return TypedResults.LocalRedirect($"~/account/set-password?problems={string.Join(',', outcome.Problems.Select(p => p.MessageKey))}");
            }

            context.Response.Cookies.Delete(LinkCookie, new CookieOptions { Path = "/account" });
            return outcome.Status == SetPasswordStatus.Done
                ? TypedResults.LocalRedirect("~/account/login?notice=password-set")
                : TypedResults.LocalRedirect("~/account/set-password?error=link");
        });

        // The same answer, at once, for any address: the work happens in the background (PasswordResetWorker).
        account.MapPost("/forgot-password", RedirectHttpResult ([FromForm] ForgotPasswordForm form, PasswordResetRequests requests) =>
        {
            if (!string.IsNullOrWhiteSpace(form.Email))
            {
                requests.Enqueue(form.Email);
            }

            return TypedResults.LocalRedirect("~/account/forgot-password?sent=1");
        });

        // A signed-in user's own password (its page links from the app bar).
        app.MapPost("/account/password", async Task<RedirectHttpResult> ([FromForm] ChangePasswordForm form, LocalSignIn signIn, HttpContext context, CancellationToken ct) =>
        {
            var problems = await signIn.ChangePasswordAsync(context.User, form.Current, form.Password, form.Confirmation, ct);
            return problems.Count == 0
                ? TypedResults.LocalRedirect("~/account/password?done=1")
                : TypedResults.LocalRedirect($"~/account/password?problems={string.Join(',', problems.Select(p => p.MessageKey))}");
        }).RequireAuthorization();

        return app;
    }

    public sealed class ChangePasswordForm
    {
        public string? Current { get; set; }

        public string? Password { get; set; }

        public string? Confirmation { get; set; }
    }

    public sealed class SetPasswordForm
    {
        public string? Password { get; set; }

        public string? Confirmation { get; set; }
    }

    public sealed class ForgotPasswordForm
    {
        public string? Email { get; set; }
    }
}
