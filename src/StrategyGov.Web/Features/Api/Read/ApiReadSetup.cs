using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>Reads of every record the pages show, and the OpenAPI document that describes the API (ADR 0104).</summary>
public static class ApiReadSetup
{
    public static IServiceCollection AddApiReads(this IServiceCollection services)
    {
        // Numbers are numbers in the document and on the wire (the default also reads them from strings,
        // which the generator documents as ["number","string"]); enums are their names.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.Configure<OpenApiOptions>("v1", ApiDocument.Configure);
        services.AddTransient<IStartupFilter, ApiProblemsStartupFilter>();
        return services;
    }

    public static RouteGroupBuilder MapApiReads(this RouteGroupBuilder api)
    {
        var reads = api.MapGroup("").AddEndpointFilter(ApiBadRequestFilter.InvokeAsync);
        reads.MapReportingReads();
        reads.MapGovernanceReads();
        reads.MapCouncilReads();
        reads.MapMediaReads();
        return api;
    }

    /// <summary>An operation: its id, what it returns, the token scope it needs and, when the summary is not all, more about it.</summary>
    internal static RouteHandlerBuilder Read(this RouteHandlerBuilder endpoint, string operationId, string summary, string scope, string? more = null)
    {
        endpoint.RequireScope(scope).WithName(operationId).WithSummary(summary);
        return more is null ? endpoint : endpoint.WithDescription($"{summary} {more}");
    }
}
