using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

public static class InquiriesSetup
{
    /// <summary>The inquiry log, its clocks and settings, its figures, its Excel files, its escalation job and its computed indicators (ADR 0098).</summary>
    public static IServiceCollection AddInquiries(this IServiceCollection services)
    {
        services.AddScoped<InquiryService>();
        services.AddScoped<InquirySettingsService>();
        services.AddScoped<InquiryFiguresService>();
        services.AddScoped<InquiryWorkbook>();
        services.AddSingleton<InquiryEscalation>();
        services.AddHostedService<InquiryEscalationJob>();
        foreach (var key in new[] { InquiryComputedSource.MediaAnswerHours, InquiryComputedSource.MediaAnswered24h, InquiryComputedSource.SocialFirstResponseHours, InquiryComputedSource.SocialComplaintsResolved })
        {
            services.AddSingleton<IComputedSource>(provider => InquiryComputedSource.All(provider.GetRequiredService<TimeProvider>()).Single(s => s.Key == key));
        }

        return services;
    }

    /// <summary>
    /// Downloads: the log and the league table as Excel, the import template, an answer's attached document.
    /// The services decide who may read what (another institution's inquiry is 404, the league table 403 to institutions).
    /// </summary>
    public static IEndpointRouteBuilder MapInquiriesEndpoints(this IEndpointRouteBuilder app)
    {
        var inquiries = app.MapGroup("/inquiries").RequireAuthorization();
        inquiries.MapGet("/export.xlsx", async Task<FileContentHttpResult> (
            int? institutionId, InquiryKind? kind, InquiryStatus? status, DateOnly? from, DateOnly? to, string? search, bool? open, bool? overdue,
            Actor actor, InquiryWorkbook workbook, CancellationToken ct) =>
            (await workbook.ExportAsync(actor, new InquiryFilter(institutionId, search, kind, status, open ?? false, overdue ?? false, from, to), ct)).ToResult());
        inquiries.MapGet("/template.xlsx", async Task<FileContentHttpResult> (Actor actor, InquiryWorkbook workbook, CancellationToken ct) =>
            (await workbook.TemplateAsync(actor, ct)).ToResult());
        inquiries.MapGet("/league.xlsx", async Task<FileContentHttpResult> (
            DateOnly? from, DateOnly? to, string? type, InquiryKind? kind, Actor actor, InquiryWorkbook workbook, InquiryFiguresService figures, CancellationToken ct) =>
        {
            var window = from is { } f && to is { } t && f <= t ? new InquiryWindow(f, t) : figures.CurrentQuarter;
            return (await workbook.ExportLeagueAsync(actor, window, new LeagueFilter(type, kind), ct)).ToResult();
        });
        inquiries.MapGet("/{id:int}/attachment", async Task<FileStreamHttpResult> (int id, Actor actor, HttpContext context, InquiryService service) =>
        {
            var (content, contentType, fileName) = await service.OpenAttachmentAsync(actor, id, context.RequestAborted);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "sandbox";
            return TypedResults.File(content, contentType, fileName);
        });
        return app;
    }
}
