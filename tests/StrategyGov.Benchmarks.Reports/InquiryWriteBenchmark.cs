using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StrategyGov.Benchmarks.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;

/// <summary>
/// 10,000 inquiries in one <c>POST /api/v1/inquiries</c> over HTTP with an institution's token (ADR 0107): a dry
/// run (validated, nothing written), then pushes of 10,000 new ones, then re-sends of the same 10,000 each with
/// a changed topic (every row an update). The first write of each kind warms the code up and is left out.
/// </summary>
internal static class InquiryWriteBenchmark
{
    private const int Count = 10_000;
    private const int Runs = 5;

    public static async Task RunAsync(StrategyGovAppFactory app, string baseUrl, Actor admin, int institutionId)
    {
        var token = await app.Service<ApiTokenService>().CreateAsync(
            admin, "bench inquiries", ApiScopes.InquiriesWrite, institutionId, DateTime.UtcNow.AddDays(1), CancellationToken.None, 100_000);
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var now = DateTime.UtcNow;

        // Bodies are built before the clock starts: only the request is timed.
        string Body(string prefix, string topic) => JsonSerializer.Serialize(new
        {
            inquiries = Enumerable.Range(0, Count).Select(n => new
            {
                externalId = $"{prefix}-{n:D5}",
                kind = n % 3 == 0 ? "CitizenComplaint" : "MediaInquiry",
                channel = "Newspaper",
                outlet = "جريدة عُمان",
                requester = "سالم الهنائي",
                receivedAt = now.AddMinutes(-60 - (n * 7)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                topic = $"{topic} {n}",
            }),
        });

        var dry = Body("DRY", "مواعيد صرف الدعم السكني");
        Console.WriteLine($"API bulk push of {Count:N0} inquiries ({Encoding.UTF8.GetByteCount(dry) / 1024.0 / 1024.0:0.0} MB JSON, one POST, SQLite):");
        Measure.Median($"dry run, {Count:N0} new inquiries (nothing written)", Runs, () => PostAsync(client, "/api/v1/inquiries?dryRun=true", dry));

        var created = new List<double>();
        foreach (var body in Enumerable.Range(0, Runs + 1).Select(run => Body($"NEW{run}", "مواعيد صرف الدعم السكني")).ToList())
        {
            created.Add(await TimedAsync(client, body));
        }

        var updated = new List<double>();
        foreach (var body in Enumerable.Range(0, Runs + 1).Select(run => Body("NEW0", $"مواعيد صرف الدعم السكني، تحديث {run}")).ToList())
        {
            updated.Add(await TimedAsync(client, body));
        }

        Console.WriteLine($"  {Count:N0} new inquiries written:               median {Median(created.Skip(1)):0} ms · min {created.Skip(1).Min():0} ms · max {created.Skip(1).Max():0} ms ({Runs} runs)");
        Console.WriteLine($"  the same {Count:N0} re-sent, each one changed: median {Median(updated.Skip(1)):0} ms · min {updated.Skip(1).Min():0} ms · max {updated.Skip(1).Max():0} ms ({Runs} runs)");
    }

    private static async Task<double> TimedAsync(HttpClient client, string body)
    {
        var watch = Stopwatch.StartNew();
        await PostAsync(client, "/api/v1/inquiries", body);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task PostAsync(HttpClient client, string url, string body)
    {
        using var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        using var result = JsonDocument.Parse(text);
        if (response.StatusCode != HttpStatusCode.OK || result.RootElement.GetProperty("created").GetInt32() + result.RootElement.GetProperty("updated").GetInt32() != Count)
        {
            throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}: {text[..Math.Min(500, text.Length)]}");
        }
    }

    private static double Median(IEnumerable<double> times) => times.Order().ElementAt(times.Count() / 2);
}
