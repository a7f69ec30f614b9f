using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// The OpenAPI document against the running API (ADR 0104): every GET it lists is called as a center
/// administrator and as a token of MOH, and what comes back must be what the document says; then as a
/// token of AMN-EAST, which must not read MOH's records.
/// </summary>
public sealed partial class ApiDocumentTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    /// <summary>Operations for the center, officials and national tokens only: an institution's token gets 403.</summary>
    private static readonly HashSet<string> NationalOnly = ["GetScoreboard", "GetRoleRegister", "ListCrisisReadiness"];

    [Fact]
    public async Task Document_IsOpenApi31WithOnlyApiRoutesSecuredAndErrorsDocumented()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;

        Assert.StartsWith("3.1", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.All(Paths(root), path => Assert.StartsWith("/api/", path, StringComparison.Ordinal));
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearerToken").GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.Equal(2, root.GetProperty("security").GetArrayLength());
        Assert.All(Operations(root), operation =>
        {
            var (id, element) = (operation.Id, operation.Element);
            Assert.False(string.IsNullOrEmpty(element.GetProperty("summary").GetString()), id);
            Assert.Matches(ScopeLine(), element.GetProperty("description").GetString());
            foreach (var status in new[] { "401", "403", "404" })
            {
                Assert.True(element.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{id} {status}");
            }
        });
        Assert.Empty(NumbersAlsoStrings(root, "#"));
    }

    [Fact]
    public async Task EveryOperation_AsAdminAndAsInstitutionToken_AnswersWhatTheDocumentSays()
    {
        using var document = await DocumentAsync();
        var world = await ApiWorld.OfAsync(app);
        var admin = await app.SignedInClientAsync(DemoUsers.Admin);
        var failures = new List<string>();

        foreach (var operation in Operations(document.RootElement))
        {
            var url = Fill(operation.Path, world.PathValues);
            var institution = await world.TokenClientAsync(operation.Scope, world.Moh);
            foreach (var (who, client, expected) in new[]
            {
                ("admin", admin, HttpStatusCode.OK),
                ("MOH token", institution, NationalOnly.Contains(operation.Id) ? HttpStatusCode.Forbidden : HttpStatusCode.OK),
            })
            {
                using var response = await client.GetAsync(url);
                var label = $"{operation.Id} as {who}";
                if (response.StatusCode != expected)
                {
                    failures.Add($"{label}: {(int)response.StatusCode}, expected {(int)expected}");
                    continue;
                }

                if (expected != HttpStatusCode.OK)
                {
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{label}: {(int)expected} without a problem document");
                    }

                    continue;
                }

                failures.AddRange(await ConformsAsync(document.RootElement, operation, response, label));
                if (response.Headers.ETag is { } etag)
                {
                    using var again = new HttpRequestMessage(HttpMethod.Get, url);
                    again.Headers.IfNoneMatch.Add(etag);
                    using var cached = await client.SendAsync(again);
                    if (cached.StatusCode != HttpStatusCode.NotModified)
                    {
                        failures.Add($"{label} with If-None-Match: {(int)cached.StatusCode}, expected 304");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryOperation_AsAnotherInstitutionsToken_DoesNotReadMohsRecords()
    {
        using var document = await DocumentAsync();
        var world = await ApiWorld.OfAsync(app);
        var failures = new List<string>();
        var checkedOperations = 0;

        foreach (var operation in Operations(document.RootElement))
        {
            var client = await world.TokenClientAsync(operation.Scope, world.East);
            var ownsRecord = operation.Path.Contains('{', StringComparison.Ordinal) && !operation.Path.EndsWith("/periods/{periodId}", StringComparison.Ordinal);
            var filters = operation.Element.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "institutionId" && p.GetProperty("in").GetString() == "query");
            if (!ownsRecord && !filters)
            {
                continue; // shared records: periods, the framework, the RACI matrix
            }

            checkedOperations++;
            var url = Fill(operation.Path, world.PathValues) + (ownsRecord ? string.Empty : $"?institutionId={world.Moh}");
            using var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            {
                continue;
            }

            if (ownsRecord || response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{operation.Id} as AMN-EAST: {(int)response.StatusCode}, expected 404 or 403");
            }
            else if (MentionsInstitution(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, world.Moh, operation.Id == "ListCalendarEntries"))
            {
                failures.Add($"{operation.Id} as AMN-EAST listed a record of MOH");
            }
        }

        Assert.Empty(failures);
        Assert.True(checkedOperations >= 15, $"only {checkedOperations} operations read an institution's records");
    }

    [Fact]
    public async Task EveryWrite_NamesItsWriteScopeAndHasAnArabicExample()
    {
        using var document = await DocumentAsync();

        var writes = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(method => method.Name is "post" or "put").Select(method => method.Value))
            .ToList();

        Assert.Equal(
            ["AddEvidenceLink", "CreateCalendarEntry", "PutCalendarEntry", "PutRoleHolder", "ReportCouncilProgress", "UploadEvidence", "WriteAnswers", "WriteInquiries", "WriteMediaCoverage", "WriteMediaInteractions"],
            writes.Select(w => w.GetProperty("operationId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(writes, write =>
        {
            var id = write.GetProperty("operationId").GetString();
            Assert.Matches(@"Token scope: `[a-z]+:write`", write.GetProperty("description").GetString());
            var content = write.GetProperty("requestBody").GetProperty("content");
            var example = (content.TryGetProperty("application/json", out var json) ? json : content.GetProperty("multipart/form-data")).GetProperty("example");
            Assert.True(Texts(example).Any(t => t.Any(c => c is >= '\u0600' and <= '\u06FF')), $"{id}: no Arabic in the example");
        });
    }

    [Fact]
    public async Task UploadEvidence_DescribesTheFormWithAFileAndEveryAnswer()
    {
        using var document = await DocumentAsync();

        var upload = document.RootElement.GetProperty("paths").GetProperty("/api/v1/submissions/{submissionId}/evidence").GetProperty("post");
        var form = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
        var schemas = new SchemaCheck(document.RootElement);
        var schema = schemas.Resolve(form.GetProperty("schema"));

        Assert.Equal("binary", schemas.Resolve(schema.GetProperty("properties").GetProperty("file")).GetProperty("format").GetString());
        Assert.Equal(["file", "indicator"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.True(schema.GetProperty("properties").TryGetProperty("indicator", out _));
        Assert.True(schema.GetProperty("properties").TryGetProperty("validUntil", out _));
        Assert.Equal(["200", "201", "400", "401", "403", "404", "409", "413", "422"], upload.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains("خطة", form.GetProperty("example").GetProperty("file").GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Texts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        _ => [],
    };

    private static async Task<List<string>> ConformsAsync(JsonElement root, Operation operation, HttpResponseMessage response, string label)
    {
        var ok = operation.Element.GetProperty("responses").GetProperty("200");
        if (!ok.TryGetProperty("content", out var content) || !content.TryGetProperty("application/json", out var json))
        {
            return response.Content.Headers.ContentLength > 0 ? [] : [$"{label}: an empty file"];
        }

        var check = new SchemaCheck(root);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        check.Check(body.RootElement, json.GetProperty("schema"), label);
        return check.Errors;
    }

    private async Task<JsonDocument> DocumentAsync() =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

    private static IEnumerable<string> Paths(JsonElement root) => root.GetProperty("paths").EnumerateObject().Select(p => p.Name);

    private static List<Operation> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out _))
            .Select(path =>
            {
                var get = path.Value.GetProperty("get");
                var scope = ScopeLine().Match(get.GetProperty("description").GetString() ?? string.Empty).Groups[1].Value;
                return new Operation(get.GetProperty("operationId").GetString()!, path.Name, scope, get);
            })
            .ToList();

    private static string Fill(string path, IReadOnlyDictionary<string, string> values) =>
        PathParameter().Replace(path, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No test value for {m.Value} in {path}."));

    /// <summary>Where a schema lets a number also be a string (what JsonNumberHandling.AllowReadingFromString documents).</summary>
    private static IEnumerable<string> NumbersAlsoStrings(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
            {
                var types = type.EnumerateArray().Select(t => t.GetString()).ToHashSet();
                if (types.Contains("string") && (types.Contains("number") || types.Contains("integer")))
                {
                    yield return path;
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var found in NumbersAlsoStrings(property.Value, $"{path}/{property.Name}"))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in NumbersAlsoStrings(item, path))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>
    /// An <c>institutionId</c> or an <c>institution</c>/<c>lead</c> object naming the institution, anywhere in
    /// the answer. Confirmed calendar entries are everyone's to see (ADR 0061), as on the calendar page.
    /// </summary>
    private static bool MentionsInstitution(JsonElement element, int institutionId, bool confirmedShared) => element.ValueKind switch
    {
        JsonValueKind.Object when confirmedShared && element.TryGetProperty("status", out var status) && status.GetString() == "Confirmed" => false,
        JsonValueKind.Object => element.EnumerateObject().Any(p =>
            (p.Name == "institutionId" && p.Value.ValueKind == JsonValueKind.Number && p.Value.GetInt32() == institutionId)
            || (p.Name is "institution" or "lead" && p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("id", out var id) && id.GetInt32() == institutionId)
            || MentionsInstitution(p.Value, institutionId, confirmedShared)),
        JsonValueKind.Array => element.EnumerateArray().Any(e => MentionsInstitution(e, institutionId, confirmedShared)),
        _ => false,
    };

    [GeneratedRegex(@"Token scope: `([a-z]+:read)`")]
    private static partial Regex ScopeLine();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PathParameter();

    private sealed record Operation(string Id, string Path, string Scope, JsonElement Element);
}
