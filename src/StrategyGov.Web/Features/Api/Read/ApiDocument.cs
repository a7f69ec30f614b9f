using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>The scope a token needs for an operation, written into the operation's description.</summary>
public sealed record ApiScopeMetadata(string Scope);

/// <summary>An example request body of an operation, by content type: JSON as JSON, anything else (CSV) as text.</summary>
public sealed record ApiRequestExample(string ContentType, string Body);

/// <summary>
/// Turns what ASP.NET Core generates into the document integrators read (ADR 0104): OpenAPI 3.1, only
/// the <c>/api</c> routes, both ways of signing in declared and applied, and the error answers every
/// operation can give written out with their problem+json shape.
/// </summary>
internal static class ApiDocument
{
    public const string BearerScheme = "bearerToken";
    public const string CookieScheme = "cookie";
    private const string Problem = "Problem";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // The public API only: not the pages, nor the framework editor's form posts under /api/framework.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.CreateSchemaReferenceId = SchemaId;
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        // The generator marks every constructor parameter required; a write's body may leave out a field that may be
        // null (it reads as null, as the pages' forms do), so in request bodies only the fields that cannot be null are.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type.Name.EndsWith("Body", StringComparison.Ordinal) || context.JsonTypeInfo.Type.Name.EndsWith("BodyRow", StringComparison.Ordinal))
            {
                foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    if (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
                    {
                        schema.Required?.Remove(name);
                    }
                }
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var scope = metadata.OfType<ApiScopeMetadata>().FirstOrDefault()?.Scope;
            if (scope is not null)
            {
                operation.Description = $"{operation.Description ?? operation.Summary}\n\nToken scope: `{scope}`.".TrimStart();
            }

            var document = context.Document!;
            operation.Responses ??= [];
            if (metadata.OfType<ApiETagMetadata>().Any())
            {
                operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the `If-None-Match` header holds the current ETag." };
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-None-Match",
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "An ETag from an earlier answer; unchanged data is answered with 304 and no body.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            // A CSV body is text (a header line with the JSON rows' field names, then one row a line), not the JSON object.
            if (operation.RequestBody?.Content?.TryGetValue("text/csv", out var csv) == true && csv is OpenApiMediaType csvBody)
            {
                csvBody.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "CSV (RFC 4180, UTF-8): a header line naming the fields of the JSON rows, then one row a line.",
                };
            }

            foreach (var example in metadata.OfType<ApiRequestExample>())
            {
                if (operation.RequestBody?.Content?.TryGetValue(example.ContentType, out var media) == true && media is OpenApiMediaType body)
                {
                    // A form's example is its fields as an object (the file's bytes described in words).
                    body.Example = example.ContentType.Contains("json", StringComparison.Ordinal) || example.ContentType == "multipart/form-data"
                        ? JsonNode.Parse(example.Body)
                        : JsonValue.Create(example.Body);
                }
            }

            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? Enumerable.Empty<OpenApiParameter>())
            {
                parameter.Description ??= ParameterText.GetValueOrDefault(parameter.Name ?? string.Empty);
            }

            if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            {
                operation.Responses["400"] = ProblemResponse(document, 400, "Bad Request", "The query is invalid: a cursor this API did not give, a limit out of range or a time without an offset.");
            }

            operation.Responses["401"] = ProblemResponse(document, 401, "Unauthorized", "No valid session cookie or bearer token.");
            operation.Responses["403"] = ProblemResponse(document, 403, "Forbidden", "Signed in, but the token lacks the operation's scope or the role may not read this.");
            operation.Responses["404"] = ProblemResponse(document, 404, "Not Found", "Not found, or it belongs to an institution the caller may not read (never 403, so its existence is not confirmed).");
            return Task.CompletedTask;
        });
    }

    // Records of two features may share a name (Roles' and Council's AssignmentView): by default both get
    // one schema and the document describes one with the other's fields. Such names are prefixed with the feature.
    private static readonly HashSet<string> SharedNames = typeof(ApiDocument).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace?.StartsWith("StrategyGov.Web.Features.", StringComparison.Ordinal) == true)
        .GroupBy(t => t.Name)
        .Where(g => g.Select(t => t.Namespace).Distinct().Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal);

    private static string? SchemaId(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        return id is not null && SharedNames.Contains(info.Type.Name) && info.Type.Namespace is { } ns
            ? ns[(ns.LastIndexOf('.') + 1)..] + id
            : id;
    }

    private static void Describe(OpenApiDocument document)
    {
        foreach (var server in document.Servers ?? new List<OpenApiServer>())
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Info = new OpenApiInfo
        {
            Title = "StrategyGov API",
            Version = "v1",
            Description = "Read every record the pages show, with the same rules: an institution's users and tokens see only that institution. " +
                "Lists are paged with an opaque cursor (`next`), and every answer carries a strong ETag. See docs/api.md.",
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://strategygov.local/license") },
            Contact = new OpenApiContact { Name = "مركز الاتصال الحكومي", Email = "api@strategygov.local" },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "sgk_…",
            Description = "An API token created by a center administrator (Settings → API tokens), sent as `Authorization: Bearer sgk_…`.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = ".AspNetCore.Identity.Application",
            Description = "The session cookie of a person signed in to the application.",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
        ];

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details.",
            Required = new HashSet<string> { "status", "title" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= "Reads of StrategyGov's records.";
        }

        Webhooks.WebhookDocument.Describe(document);
    }

    // The attributes that would say this on a parameter break the generator for [AsParameters] records
    // (InvalidCastException in GetParameterDescriptionFromAttribute, .NET 10.0.15), and the names mean
    // the same thing on every operation.
    private static readonly Dictionary<string, string> ParameterText = new(StringComparer.Ordinal)
    {
        ["cursor"] = "The cursor of the previous page's `next` link; absent for the first page. Opaque: do not build one.",
        ["limit"] = "Items per page, 1 to 200; 50 when absent.",
        ["changedSince"] = "Only records changed at or after this time: ISO 8601 with an offset, e.g. 2026-03-01T00:00:00Z.",
        ["periodId"] = "A reporting period's id (see ListPeriods).",
        ["institutionId"] = "An institution's id. An institution's token may name only its own (another is not found).",
        ["from"] = "First day (ISO 8601 date, inclusive).",
        ["to"] = "Last day (ISO 8601 date, inclusive).",
        ["dryRun"] = "true: check every row and return exactly what would change, and write nothing.",
    };

    private static readonly Dictionary<int, string> ArabicDetail = new()
    {
        [400] = "المؤشر (cursor) غير صالح.",
        [401] = "لم يتم تسجيل الدخول أو الرمز غير صالح.",
        [403] = "الرمز لا يملك صلاحية القراءة لهذا المورد.",
        [404] = "غير موجود أو غير متاح لهذا الحساب.",
    };

    private static OpenApiResponse ProblemResponse(OpenApiDocument document, int status, string title, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchemaReference(Problem, document),
                Example = new JsonObject { ["title"] = title, ["status"] = status, ["detail"] = ArabicDetail[status] },
            },
        },
    };
}
