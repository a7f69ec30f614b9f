using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Calendar;

public static class CalendarSetup
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<CalendarExcelExport>();
        services.AddSingleton<IComputedSource, CalendarComputedSource>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/calendar");

        // Calendar clients cannot sign in: the private token in the URL is the credential (ADR 0061).
        calendar.MapGet("/feed/{token}.ics", async Task<ContentHttpResult> (string token, string? lang, HttpContext context, CalendarFeedService feeds) =>
        {
            var culture = Bilingual.CreateCulture(lang == Bilingual.English ? Bilingual.English : Bilingual.Arabic);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var text = await feeds.FeedAsync(token, context.RequestAborted);
            context.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.Text(text, "text/calendar; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous();

        calendar.MapGet("/export.xlsx", async Task<Results<FileContentHttpResult, BadRequest<string>>> (
            DateOnly from, DateOnly to, Actor actor, CalendarExcelExport export, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
        {
            try
            {
                return (await export.ExportAsync(actor, from, to, ct)).ToResult();
            }
            catch (RuleViolationException rule)
            {
                return TypedResults.BadRequest(localizer[rule.Message, rule.Arguments].Value);
            }
        }).RequireAuthorization();
        return app;
    }
}
