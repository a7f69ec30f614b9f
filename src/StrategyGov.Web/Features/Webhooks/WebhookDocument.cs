using Microsoft.OpenApi;

namespace StrategyGov.Web.Features.Webhooks;

/// <summary>The webhooks in the API's OpenAPI 3.1 document (its <c>webhooks</c> section): what a receiver gets and must answer.</summary>
internal static class WebhookDocument
{
    private const string Payload = "WebhookPayload";

    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        [WebhookEvents.SubmissionReturned] = "A submission was returned for completion",
        [WebhookEvents.SubmissionApproved] = "A submission was approved and locked",
        [WebhookEvents.PeriodPublished] = "A period's results were published",
        [WebhookEvents.ScoreRevised] = "A published period's scores were recomputed",
        [WebhookEvents.DecisionOverdue] = "A council decision passed its due date",
        [WebhookEvents.InquiryBreached] = "An inquiry passed its response target",
        [WebhookEvents.AnswersChanged] = "Answers of a submission were saved",
        [WebhookEvents.Ping] = "A test ping from the webhooks page",
    };

    public static void Describe(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Payload] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The body of every delivery, signed as sent.",
            Required = new HashSet<string> { "event", "occurredAt", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["event"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The event, as in `X-StrategyGov-Event`." },
                ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the change was recorded (UTC)." },
                ["data"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Ids of what changed (see docs/api.md for each event's fields)." },
            },
        };

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var (name, summary) in Summaries)
        {
            document.Webhooks[name] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new OpenApiOperation
                    {
                        OperationId = "Webhook_" + name.Replace('.', '_'),
                        Summary = summary,
                        Description = "Sent to the subscribed URL. Verify `X-StrategyGov-Signature` before trusting the body: " +
                            "`sha256=` and the hex HMAC-SHA256 of `{X-StrategyGov-Timestamp}.{body}` keyed with the subscription's secret. " +
                            "For 24 hours after the owner rotates the secret the header lists two signatures, the new secret's first: " +
                            "`sha256=<new>, sha256=<old>`; accept the delivery when any of them matches a secret you hold.",
                        Security = [],
                        Parameters = [Header("X-StrategyGov-Event", "The event."), Header("X-StrategyGov-Delivery", "The delivery's id, the same on every retry."),
                            Header("X-StrategyGov-Timestamp", "Unix seconds when this attempt was signed."), Header("X-StrategyGov-Signature", "`sha256=<hex>`; during a secret rotation's overlap `sha256=<new>, sha256=<old>` (comma and space between).")],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(Payload, document) },
                            },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["204"] = new OpenApiResponse { Description = "Received (any 2xx within the timeout counts)." },
                            ["400"] = new OpenApiResponse { Description = "Refused (any other answer, a redirect or a timeout): retried after 1 min, 5 min, 30 min, 2 h and 12 h." },
                        },
                    },
                },
            };
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
