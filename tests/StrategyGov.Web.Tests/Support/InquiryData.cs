using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Inquiries;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Inquiries logged through the service, as an institution's user logs them; times are Riyadh local times.</summary>
public static class InquiryData
{
    /// <summary>A local time of the platform's zone (Riyadh) as the forms give it: "yyyy-MM-dd HH:mm".</summary>
    public static DateTime Local(string text) => DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Unspecified);

    /// <summary>The same local time as a UTC instant (Riyadh is UTC+3 all year).</summary>
    public static DateTime Utc(string text) => DateTime.SpecifyKind(Local(text).AddHours(-3), DateTimeKind.Utc);

    public static InquiryForm Form(string received, string topic, InquiryKind kind = InquiryKind.MediaInquiry, InquiryChannel channel = InquiryChannel.Newspaper, string? externalId = null) => new()
    {
        Kind = kind,
        Channel = channel,
        Outlet = "صحيفة اليوم",
        Requester = "ريم العتيبي",
        ReceivedAt = Local(received),
        Topic = topic,
        PillarCode = "P3",
        ExternalId = externalId,
    };

    public static async Task<int> LogAsync(this StrategyGovAppFactory app, Actor actor, InquiryForm form) =>
        await app.Service<InquiryService>().CreateAsync(actor, form, CancellationToken.None);

    /// <summary>Records a step at a local time with the inquiry's current version.</summary>
    public static async Task ActAsync(this StrategyGovAppFactory app, Actor actor, int id, InquiryActionKind kind, string at, string? text = null, int? referTo = null, InquiryAttachment? attachment = null)
    {
        var service = app.Service<InquiryService>();
        var version = (await service.GetAsync(actor, id, CancellationToken.None)).Version;
        await service.ActAsync(actor, id, new InquiryAction(kind, Local(at), text, version, referTo), attachment, CancellationToken.None);
    }

    public static async Task<Inquiry> StoredInquiryAsync(this StrategyGovAppFactory app, int id)
    {
        await using var db = await app.DbAsync();
        return await db.Inquiries.AsNoTracking().Include(i => i.Pauses).SingleAsync(i => i.Id == id);
    }
}
