using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>
/// Each user's private iCalendar feed (Outlook, Apple and Google calendars subscribe to its URL). The URL
/// carries a random token whose SHA-256 alone is stored; the feed shows exactly what the token's user may
/// see in the calendar at the time it is read. Unknown, malformed or revoked tokens are simply not found.
/// </summary>
public sealed class CalendarFeedService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    CalendarService calendar,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    IStringLocalizer<SharedResource> localizer,
    IOptions<PlatformOptions> platform,
    TimeProvider clock)
{
    private const int TokenBytes = 32;

    /// <summary>The feed covers entries from this many days back …</summary>
    private const int PastDays = 90;

    /// <summary>… to this many days ahead.</summary>
    private const int FutureDays = 400;

    /// <summary>When the actor's current feed URL was created, or null when they have none.</summary>
    public async Task<DateTime?> TokenCreatedAtAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarFeedTokens.Where(t => t.UserId == actor.UserId).Select(t => (DateTime?)t.CreatedAt).SingleOrDefaultAsync(ct);
    }

    /// <summary>A new token for the actor (the old URL stops working). Returned once: only its hash is kept.</summary>
    public async Task<string> RegenerateAsync(Actor actor, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CalendarFeedTokens.Where(t => t.UserId == actor.UserId).ExecuteDeleteAsync(ct);
        db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = actor.UserId, TokenHash = Hash(token), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CalendarFeedTokens.Where(t => t.UserId == actor.UserId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The iCalendar text for a token, in the current UI culture; <see cref="NotFoundException"/> for any token that is not live.</summary>
    public async Task<string> FeedAsync(string token, CancellationToken ct)
    {
        var actor = await ActorOfAsync(token, ct) ?? throw new NotFoundException();
        var today = calendar.Today;
        var rows = await calendar.RangeAsync(actor, today.AddDays(-PastDays), today.AddDays(FutureDays), ct);
        var events = rows.Select(r => new ICalendarEvent(
            r.FeedUid,
            $"{Bilingual.Pick(r.TitleAr, r.TitleEn)} — {Bilingual.Pick(r.Institution.NameAr, r.Institution.NameEn)}",
            Description(r),
            r.Location,
            r.StartsUtc,
            r.EndsUtc,
            r.IsAllDay,
            r.FirstDay,
            r.LastDay,
            r.Status switch
            {
                CalendarEntryStatus.Confirmed => "CONFIRMED",
                CalendarEntryStatus.Cancelled => "CANCELLED",
                _ => "TENTATIVE",
            },
            [localizer[$"Calendar_Kind_{r.Kind}"].Value],
            r.UpdatedUtc));
        return ICalendarWriter.Write(localizer["Calendar_FeedName"], platform.Value.TimeZone, events, clock.GetUtcNow().UtcDateTime);
    }

    private string Description(CalendarEntryRow r)
    {
        var lines = new List<string>
        {
            $"{localizer["Calendar_Pillar"]}: {Bilingual.Pick(r.Pillar.NameAr, r.Pillar.NameEn)}",
            $"{localizer["Calendar_Audience"]}: {CalendarDates.Names(r.Audiences)}",
            $"{localizer["Status"]}: {localizer[$"Calendar_Status_{r.Status}"]}",
        };
        if (r.Description is { Length: > 0 } text)
        {
            lines.Insert(0, text);
        }

        foreach (var clash in r.Clashes)
        {
            lines.Add($"{localizer["Calendar_ClashWith"]}: {Bilingual.Pick(clash.OtherTitleAr, clash.OtherTitleEn)} — {Bilingual.Pick(clash.OtherInstitutionAr, clash.OtherInstitutionEn)}");
        }

        return string.Join('\n', lines);
    }

    private async Task<Actor?> ActorOfAsync(string token, CancellationToken ct)
    {
        if (token.Length != Base64Url.GetEncodedLength(TokenBytes) || !Base64Url.IsValid(token))
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userId = await db.CalendarFeedTokens.Where(t => t.TokenHash == hash).Select(t => t.UserId).SingleOrDefaultAsync(ct);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var actor = Actor.From(await principals.CreateAsync(user));
        return actor.SeesAllInstitutions || actor.IsInstitutionUser ? actor : null;
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
