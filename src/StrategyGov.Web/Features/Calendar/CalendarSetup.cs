using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Calendar;

public static class CalendarSetup
{
    public static void AddStrategyGovCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<CalendarExcelExport>();
    }

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        // Calendar clients cannot sign in: the private token in the URL is the credential (ADR 0061).
        app.MapGet("/calendar/feed/{token}.ics", async (string token, string? lang, HttpContext context, CalendarFeedService feeds) =>
        {
            var culture = Bilingual.CreateCulture(lang == Bilingual.English ? Bilingual.English : Bilingual.Arabic);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var text = await feeds.FeedAsync(token, context.RequestAborted);
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(text, "text/calendar; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous();

        app.MapGet("/calendar/export.xlsx", async (
            DateOnly from, DateOnly to, HttpContext context, CalendarExcelExport export, IStringLocalizer<SharedResource> localizer) =>
        {
            try
            {
                var file = await export.ExportAsync(Actor.From(context.User), from, to, context.RequestAborted);
                return Results.File(file, CalendarExcelExport.ContentType, $"calendar-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx");
            }
            catch (RuleViolationException rule)
            {
                return Results.BadRequest(localizer[rule.Message, rule.Arguments].Value);
            }
        }).RequireAuthorization();
    }
}
