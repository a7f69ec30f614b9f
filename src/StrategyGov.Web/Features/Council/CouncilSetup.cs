using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Data.Council;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

public static class CouncilSetup
{
    /// <summary>The coordination council: meetings, decisions and their follow-up, the indicators they compute, its calendar entries and reminders.</summary>
    public static IServiceCollection AddCouncil(this IServiceCollection services)
    {
        services.AddSingleton<CouncilTime>();
        services.AddScoped<CouncilMeetingService>();
        services.AddScoped<CouncilAgendaService>();
        services.AddScoped<CouncilDecisionService>();
        services.AddScoped<CouncilFileService>();
        services.AddScoped<CouncilMinutesReport>();
        services.AddScoped<CouncilCalendar>();
        services.AddScoped<ICalendarEntrySource>(sp => sp.GetRequiredService<CouncilCalendar>());
        services.AddSingleton<IComputedSource, CouncilAttendanceComputedSource>();
        services.AddSingleton<IComputedSource, CouncilDecisionsComputedSource>();
        services.AddSingleton<CouncilReminders>();
        services.AddHostedService<HourlyReminderJob<CouncilReminders>>();
        return services;
    }

    /// <summary>
    /// The minutes PDF, the invite, the decisions workbook and the council's files; the services decide who
    /// may read what (404 for another institution's meeting or follow-up, 403 for a role that may not).
    /// </summary>
    public static IEndpointRouteBuilder MapCouncilEndpoints(this IEndpointRouteBuilder app)
    {
        var council = app.MapGroup("/council").RequireAuthorization();

        council.MapGet("/meetings/{meetingId:int}/minutes.pdf", async Task<FileContentHttpResult> (
            int meetingId, string? lang, Actor actor, CouncilMinutesReport report, CancellationToken ct) =>
            (await report.PdfAsync(actor, meetingId, lang, ct)).ToResult());

        council.MapGet("/meetings/{meetingId:int}/invite.ics", async Task<FileContentHttpResult> (
            int meetingId, string? lang, Actor actor, CouncilCalendar calendar, CancellationToken ct) =>
        {
            // The invite is written in the language asked for, whatever the reader's UI language is.
            var culture = Bilingual.CreateCulture(lang == Bilingual.English ? Bilingual.English : Bilingual.Arabic);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return (await calendar.InviteAsync(actor, meetingId, ct)).ToResult();
        });

        council.MapGet("/decisions.xlsx", async Task<FileContentHttpResult> (
            int? meeting, int? institution, CouncilOwnerStatus? status, bool? overdue, bool? awaiting, Actor actor, CouncilDecisionService decisions, CancellationToken ct) =>
            (await decisions.ExportAsync(actor, new AssignmentFilter(institution, status, overdue ?? false, awaiting ?? false, meeting), ct)).ToResult());

        council.MapGet("/files/{fileId:guid}", async Task<FileStreamHttpResult> (Guid fileId, Actor actor, HttpContext context, CouncilFileService files) =>
        {
            var file = await files.OpenAsync(actor, fileId, context.RequestAborted);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "sandbox";
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        });
        return app;
    }
}
