using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;

/// <summary>
/// A whole submission's 300 answers in one POST over HTTP with an institution's token (ADR 0105): a dry run
/// (validated, nothing written) and the real write into an empty draft, each institution's draft in turn;
/// the first of each warms the code up and is left out.
/// </summary>
internal static class ApiWriteBenchmark
{
    public static async Task RunAsync(StrategyGovAppFactory app, string baseUrl, Actor admin, Func<int[], Task<int>> seed)
    {
        List<int> drafts;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync())
        {
            drafts = await db.Institutions.OrderBy(i => i.Id).Select(i => i.Id).Take(8).ToListAsync();
        }

        var periodId = await seed([.. drafts]);
        string[] codes;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync())
        {
            codes = await db.Indicators.Where(i => i.Practice.Pillar.StrategyVersion.Code == "BENCH300").Select(i => i.Code).ToArrayAsync();
        }

        var body = JsonSerializer.Serialize(new { answers = codes.Select((code, n) => new { indicator = code, value = n % 101, comment = $"ملاحظة {n}" }) });
        var (dry, real) = (new List<double>(), new List<double>());
        foreach (var institutionId in drafts)
        {
            var token = await app.Service<ApiTokenService>().CreateAsync(
                admin, $"bench {institutionId}", ApiScopes.AnswersWrite, institutionId, DateTime.UtcNow.AddDays(1), CancellationToken.None, 100_000);
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            var url = $"/api/v1/institutions/{institutionId}/periods/{periodId}/answers";
            dry.Add(await PostAsync(client, url + "?dryRun=true", body, codes.Length));
            real.Add(await PostAsync(client, url, body, codes.Length));
        }

        Console.WriteLine($"API write of a whole submission ({codes.Length} answers, {Encoding.UTF8.GetByteCount(body) / 1024.0:0.0} KB JSON, one POST, SQLite):");
        Console.WriteLine($"  dry run (validate, nothing written): median {Median(dry.Skip(1)):0} ms · min {dry.Skip(1).Min():0} ms · max {dry.Skip(1).Max():0} ms ({dry.Count - 1} runs)");
        Console.WriteLine($"  written into an empty draft:         median {Median(real.Skip(1)):0} ms · min {real.Skip(1).Min():0} ms · max {real.Skip(1).Max():0} ms ({real.Count - 1} runs)");
    }

    private static async Task<double> PostAsync(HttpClient client, string url, string body, int expected)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        using var result = JsonDocument.Parse(text);
        if (response.StatusCode != HttpStatusCode.OK || result.RootElement.GetProperty("changed").GetInt32() != expected)
        {
            throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}: {text[..Math.Min(500, text.Length)]}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> times) => times.Order().ElementAt(times.Count() / 2);
}
