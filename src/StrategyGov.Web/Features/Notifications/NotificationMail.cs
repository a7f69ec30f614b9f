using System.Net;
using System.Net.Mail;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace StrategyGov.Web.Features.Notifications;

/// <summary>Outgoing e-mail. Without <see cref="Host"/> notifications stay in the app, with no error.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@strategygov.local";

    /// <summary>The app's public address, to turn notification links into absolute links in e-mails.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed record NotificationMail(string To, string Subject, string Body);

/// <summary>
/// Mails wait here for <see cref="NotificationMailSender"/>: the action that caused a notification
/// never waits for, or fails because of, the mail server.
/// </summary>
public sealed class NotificationMailQueue
{
    private readonly Channel<NotificationMail> _channel = Channel.CreateBounded<NotificationMail>(
        new BoundedChannelOptions(5000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public bool TryEnqueue(NotificationMail mail) => _channel.Writer.TryWrite(mail);

    public IAsyncEnumerable<NotificationMail> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>Sends queued mails through SMTP; a failure is logged and the next mail goes on.</summary>
public sealed class NotificationMailSender(NotificationMailQueue queue, IOptions<SmtpOptions> options, ILogger<NotificationMailSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(mail, stoppingToken);
            }
            catch (Exception e) when (e is SmtpException or InvalidOperationException or IOException or FormatException)
            {
                logger.LogWarning(e, "Notification e-mail to {Recipient} was not sent", mail.To);
            }
        }
    }

    private async Task SendAsync(NotificationMail mail, CancellationToken ct)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 15_000 };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = new MailMessage(smtp.From, mail.To, mail.Subject, mail.Body)
        {
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        await client.SendMailAsync(message, ct);
    }
}
