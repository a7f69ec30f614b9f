using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// Every write the OpenAPI document lists (issue 26), tried with its own Arabic example as the body: with a read-only
/// token of MOH it is 403; with a write token of AMN-EAST naming MOH wherever the request can name an institution
/// (the path's record, <c>institutionId</c> in the body or in each row) it is refused — 404 for MOH's record, 422
/// naming <c>institutionId</c> for a row — or, where the body cannot name one, it creates AMN-EAST's own record.
/// A refused call leaves no audit event under its token, so nothing was changed. A write added to the document is
/// tried with no change here; one whose path takes a parameter this test has no value for fails, saying so.
/// </summary>
public sealed partial class ApiWriteIsolationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly HttpMethod[] WriteMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    [Fact]
    public async Task EveryDocumentedWrite_ReadOnlyTokenIs403_AnotherInstitutionsTokenChangesNothingOfMoh()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var world = await ApiWorld.OfAsync(app);
        var values = new Dictionary<string, string>(world.PathValues)
        {
            ["periodId"] = (await app.PeriodIdAsync(SeededData.OpenPeriod)).ToString(CultureInfo.InvariantCulture),
            ["roleCode"] = "DIGITAL-LEAD",
        };
        var writes = Writes(document.RootElement).ToList();
        var failures = new List<string>();

        foreach (var write in writes)
        {
            var url = Fill(write.Path, values);
            var body = NamingMoh(write.Example, world.Moh);

            var reader = await app.TokenAsync(write.Scope.Replace(":write", ":read", StringComparison.Ordinal), "MOH");
            using (var response = await app.Bearer(reader.Token).SendAsync(Request(write, url, write.Example)))
            {
                if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{write.Id} with a read-only token: {(int)response.StatusCode}, expected 403 with a problem document");
                }
            }

            var east = await app.TokenAsync(write.Scope, "AMN-EAST");
            using (var response = await app.Bearer(east.Token).SendAsync(Request(write, url, body)))
            {
                var text = await response.Content.ReadAsStringAsync();
                var namesMohsRecord = write.Path.Contains('{', StringComparison.Ordinal);
                var verdict = (namesMohsRecord, response.StatusCode) switch
                {
                    (true, HttpStatusCode.NotFound or HttpStatusCode.Forbidden) => null,
                    (false, HttpStatusCode.UnprocessableEntity) when RefusesInstitutionRow(text) => null,
                    (false, HttpStatusCode.OK or HttpStatusCode.Created) when IsOnlyEasts(text, world) => "created",
                    _ => $"{(int)response.StatusCode} {text}",
                };
                if (verdict is not null and not "created")
                {
                    failures.Add($"{write.Id} as AMN-EAST naming MOH: {verdict}");
                }

                if (verdict is null && await AuditedUnderAsync(east.Row.Id))
                {
                    failures.Add($"{write.Id} as AMN-EAST: refused, yet something was changed under its token");
                }
            }

            if (await AuditedUnderAsync(reader.Row.Id))
            {
                failures.Add($"{write.Id} with a read-only token: something was changed under its token");
            }
        }

        Assert.Empty(failures);
        Assert.True(writes.Count >= 8, $"only {writes.Count} writes in the document");
    }

    /// <summary>A write as documented: its example body (null when it takes none) and the body's media type.</summary>
    private sealed record Write(string Id, string Path, HttpMethod Method, string Scope, JsonNode? Example, string? MediaType);

    private static IEnumerable<Write> Writes(JsonElement root) =>
        from path in root.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        let method = WriteMethods.SingleOrDefault(m => string.Equals(m.Method, operation.Name, StringComparison.OrdinalIgnoreCase))
        where method is not null
        let element = operation.Value
        select new Write(
            element.GetProperty("operationId").GetString()!,
            path.Name,
            method,
            WriteScope().Match(element.GetProperty("description").GetString() ?? string.Empty) is { Success: true } scope
                ? scope.Groups[1].Value
                : throw new InvalidOperationException($"{path.Name} {operation.Name}: no write scope in its description"),
            Body(element) is { } body ? JsonNode.Parse(body.Value.GetProperty("example").GetRawText()) : null,
            Body(element)?.Name);

    // The documented body: JSON where the operation takes it, else its form (multipart); none for a delete.
    private static (string Name, JsonElement Value)? Body(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body)
            ? body.GetProperty("content").EnumerateObject().Select(c => (c.Name, c.Value)).OrderBy(c => c.Name == "application/json" ? 0 : 1).First()
            : null;

    /// <summary>The example with MOH named where a body can name an institution: in each row of a bulk body, else at the top.</summary>
    private static JsonNode? NamingMoh(JsonNode? example, int moh)
    {
        if (example is null)
        {
            return null;
        }

        var body = example.DeepClone();
        var rows = body is JsonObject top
            ? top.Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>().ToList()
            : body.AsArray().OfType<JsonObject>().ToList();
        foreach (var row in rows.Count > 0 ? rows : [body.AsObject()])
        {
            row["institutionId"] = moh;
        }

        return body;
    }

    private static HttpRequestMessage Request(Write write, string url, JsonNode? body) => new(write.Method, url)
    {
        Content = (body, write.MediaType) switch
        {
            (null, _) => null,
            (_, "multipart/form-data") => Form(body.AsObject()),
            _ => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        },
    };

    // A form's fields from the example; its file (a string in the example) is a small real PDF under that name.
    private static MultipartFormDataContent Form(JsonObject example)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in example)
        {
            if (name == "file")
            {
                form.Add(new ByteArrayContent(SampleFiles.Pdf()), name, value?.GetValue<string>() ?? "evidence.pdf");
            }
            else if (value is not null)
            {
                form.Add(new StringContent(value.ToString()), name);
            }
        }

        return form;
    }

    private static bool RefusesInstitutionRow(string text)
    {
        using var body = JsonDocument.Parse(text);
        return body.RootElement.TryGetProperty("errors", out var errors)
            && errors.EnumerateArray().Any(e => e.GetProperty("column").GetString() == "institutionId");
    }

    // What the write created is AMN-EAST's (the answer names it) and not MOH's.
    private static bool IsOnlyEasts(string text, ApiWorld world)
    {
        using var body = JsonDocument.Parse(text);
        return MentionsInstitution(body.RootElement, world.East) && !MentionsInstitution(body.RootElement, world.Moh);
    }

    private static bool MentionsInstitution(JsonElement element, int institutionId) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p =>
            (p.Name == "institutionId" && p.Value.ValueKind == JsonValueKind.Number && p.Value.GetInt32() == institutionId)
            || (p.Name == "institution" && p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("id", out var id) && id.GetInt32() == institutionId)
            || MentionsInstitution(p.Value, institutionId)),
        JsonValueKind.Array => element.EnumerateArray().Any(e => MentionsInstitution(e, institutionId)),
        _ => false,
    };

    private async Task<bool> AuditedUnderAsync(int tokenId)
    {
        var actor = Actor.ApiTokenUserId(tokenId);
        await using var db = await app.DbAsync();
        return await db.AuditEvents.AnyAsync(e => e.ActorUserId == actor);
    }

    private static string Fill(string path, IReadOnlyDictionary<string, string> values) =>
        PathParameter().Replace(path, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No test value for {m.Value} in {path}: add one naming a record of MOH."));

    [GeneratedRegex(@"Token scope: `([a-z]+:write)`")]
    private static partial Regex WriteScope();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PathParameter();
}
