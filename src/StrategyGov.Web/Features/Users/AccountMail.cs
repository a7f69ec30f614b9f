using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// Invitation and password-reset e-mails, in Arabic and English in one mail (the reader's language is not
/// known outside the app), through the notifications' mail queue (ADR 0081). Nothing is sent, and the
/// link is shown once instead, when SMTP or the platform's public address is not configured.
/// </summary>
public sealed class AccountMail(
    NotificationMailQueue queue,
    IOptions<SmtpOptions> smtp,
    IOptions<PlatformOptions> platform,
    IStringLocalizer<SharedResource> localizer,
    ILogger<AccountMail> logger)
{
    /// <summary>
    /// Links are e-mailed only with SMTP and the platform's public address configured: a link built from a
    /// request's Host header could point a reset mail at someone else's server (reset poisoning).
    /// </summary>
    public bool CanMailLinks => smtp.Value.IsConfigured && !string.IsNullOrWhiteSpace(smtp.Value.PublicBaseUrl);

    /// <summary>The address links start with: the configured public address, else the one the administrator's page came from.</summary>
    public string? LinkBase(Uri? requestBase) =>
        smtp.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : requestBase?.AbsoluteUri;

    /// <summary>Queues the mail; false when SMTP is not configured or the queue is full (the caller then shows the link).</summary>
    public bool TrySend(string to, string fullName, AccountTokenPurpose purpose, string link, DateTime expiresAtUtc)
    {
        if (!CanMailLinks || purpose == AccountTokenPurpose.AdminSetup)
        {
            return false;
        }

        var expires = TimeZoneInfo.ConvertTimeFromUtc(expiresAtUtc, platform.Value.TimeZoneInfo).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        string Subject(string culture) => In(culture, () => localizer[$"AccountMail_Subject_{purpose}"].Value);
        string Body(string culture) => In(culture, () => string.Join("\n\n",
            localizer["AccountMail_Greeting", fullName].Value,
            localizer[$"AccountMail_Intro_{purpose}"].Value,
            localizer["AccountMail_Action", expires].Value,
            link,
            localizer["AccountMail_Ignore"].Value));

        var subject = $"{Subject(Bilingual.Arabic)} | {Subject(Bilingual.English)}";
        var body = $"{Body(Bilingual.Arabic)}\n\n---\n\n{Body(Bilingual.English)}";
        if (queue.TryEnqueue(new NotificationMail(to, subject, body)))
        {
            return true;
        }

        logger.LogWarning("The e-mail queue is full; the {Purpose} link for {Recipient} is shown to the administrator instead", purpose, to);
        return false;
    }

    private static string In(string culture, Func<string> render) => Bidi.Strip(Render(culture, render));

    private static string Render(string culture, Func<string> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Bilingual.CreateCulture(culture);
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
