using System.Diagnostics;
using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Reports;

// The reports' quality targets (docs/performance.md §Quality targets), measured on the real app with the
// demo data on a fresh SQLite file: prints figures, asserts nothing. Figures: docs/performance.md §Reports.
// Parts can be chosen: `-- pdf` (reports 1–3), `-- import` (4), `-- sessions` (5), `-- api` (6); default: all.
// `soak-seed OUTPUT.json`: the national-scale soak's data, into the database the environment names (scripts/soak.sh).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is [SoakSeed.Command, ..])
{
    return await SoakSeed.RunAsync(args);
}

// Outside a test runner WebApplicationFactory cannot find the web project by itself.
var webProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/StrategyGov.Web"));
await using var app = new StrategyGovAppFactory().With("contentRoot", webProject);
var baseUrl = app.StartKestrel();
bool Part(string name) => args.Length == 0 || args.Contains(name);
var official = await app.ActorAsync(DemoUsers.Official);
var admin = await app.ActorAsync(DemoUsers.Admin);
var dbFactory = app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>();
int periodId, mohId;
await using (var db = await dbFactory.CreateDbContextAsync())
{
    periodId = await db.Periods.Where(p => p.Code == "2026-Q4").Select(p => p.Id).SingleAsync();
    mohId = await db.Institutions.Where(i => i.Code == "MOH").Select(i => i.Id).SingleAsync();
}

Console.WriteLine($"StrategyGov reports benchmark · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · .NET {Environment.Version} · load average {LoadAverage()}");
if (Part("pdf"))
{
    var pdf = app.Services.GetRequiredService<PdfRenderer>();
    await pdf.WarmUpAsync(CancellationToken.None);

    // Raw Chromium the way the renderer uses it: its launch arguments, one page kept and reused (a new
    // page alone costs ≈ 160 ms). Each pipeline run alternates with a raw print of the same HTML, so
    // that both see the machine in the same state.
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = PdfRenderer.ChromiumArgs });
    var rawPage = await browser.NewPageAsync();
    var reports = app.Service<ReportService>();
    var setup = new PdfPageSetup(true, "مركز التواصل الحكومي · التقرير الوطني · 2026-Q4", "تاريخ الإصدار: 2026-11-23 09:00", "صفحة", "من");
    async Task<byte[]> RawAsync(string html)
    {
        await rawPage.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await rawPage.PdfAsync(PdfRenderer.PrintOptions(setup));
    }

    // 1. Institution PDF with a warm browser and warm code (30 runs first: the JIT optimises after 30 calls).
    var (institutionHtml, _, _) = await reports.InstitutionHtmlAsync(official, mohId, periodId, "ar", CancellationToken.None);
    var (institutionTimes, institutionRaw) = await AlternateAsync(15, 30,
        () => app.Service<ReportService>().InstitutionPdfAsync(official, mohId, periodId, "ar", CancellationToken.None),
        () => RawAsync(institutionHtml));
    Report("Institution PDF (ar), warm browser", institutionTimes, "< 500 ms");
    Report("Institution PDF (ar): Chromium raw print of the same HTML", institutionRaw, "");
    Console.WriteLine($"  pipeline ÷ raw Chromium (median): {Median(institutionTimes) / Median(institutionRaw):0.00}× (target ≤ 1.25×)");
    var institutionHtmlTimes = await TimeAsync(12, 30, () => reports.InstitutionHtmlAsync(official, mohId, periodId, "ar", CancellationToken.None));
    Report("  of which the HTML (scores, trend, comments, gaps, Razor)", institutionHtmlTimes, "");

    // 2. National report for 300 institutions, and the same HTML printed by Chromium directly.
    var real = await reports.NationalModelAsync(official, periodId, CancellationToken.None);
    var zone = app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.TimeZoneInfo;
    var big = Scale(real.Scores, 300);
    var bigPrevious = real.Previous is null ? null : Scale(real.Previous, 300);
    var culture = ReportService.CultureOf("ar");
    var nationalHtml = await reports.NationalHtmlAsync(NationalReportModel.Build(big, bigPrevious, zone, DateTime.UtcNow), culture);
    var (nationalTimes, rawTimes) = await AlternateAsync(6, 2,
        async () =>
        {
            var model = NationalReportModel.Build(big, bigPrevious, zone, DateTime.UtcNow);
            var html = await reports.NationalHtmlAsync(model, culture);
            await pdf.RenderAsync(html, setup, CancellationToken.None);
        },
        () => RawAsync(nationalHtml));
    Report("National PDF (ar), 300 institutions: pipeline", nationalTimes, "< 3000 ms");
    Report("National PDF (ar), 300 institutions: Chromium raw print of the same HTML", rawTimes, "");
    Console.WriteLine($"  pipeline ÷ raw Chromium (median): {Median(nationalTimes) / Median(rawTimes):0.00}× (target ≤ 1.25×)");

    // 3. 50 concurrent PDF requests against the running app (institution reports of every institution, both languages).
    var cookies = new CookieContainer();
    using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
    await SignIn.PostAsync(client, DemoUsers.Official, DemoUsers.Password);
    var ids = real.Rows.Select(r => r.Institution.Id).ToList();
    var wall = Stopwatch.StartNew();
    var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/reports/institutions/{ids[i % ids.Count]}/periods/{periodId}/report.pdf?lang={(i % 2 == 0 ? "ar" : "en")}");
        var body = await response.Content.ReadAsByteArrayAsync();
        return (Ok: response.StatusCode == HttpStatusCode.OK && body.Length > 1000, Ms: watch.Elapsed.TotalMilliseconds);
    }));
    wall.Stop();
    var latencies = results.Select(r => r.Ms).Order().ToList();
    Console.WriteLine($"50 concurrent PDF requests (Pdf:MaxConcurrentPages = {app.Services.GetRequiredService<IOptions<PdfOptions>>().Value.MaxConcurrentPages}): " +
        $"{results.Count(r => r.Ok)}/50 succeeded in {wall.Elapsed.TotalSeconds:0.00} s · {50 / wall.Elapsed.TotalSeconds:0.0} PDFs/s · p50 {latencies[24]:0} ms · p95 {latencies[47]:0} ms");
}

// 4. Excel import of 10,000 answers into an empty draft (a framework of 10,000 percentage indicators),
// into six institutions' drafts in turn. A long-running app has imported before: the first import
// warms the code up; the median of the other five is reported.
if (Part("import"))
{
    List<int> drafts;
    await using (var db = await dbFactory.CreateDbContextAsync())
    {
        drafts = await db.Institutions.OrderBy(i => i.Id).Select(i => i.Id).Take(6).ToListAsync();
    }

    var benchPeriod = await BenchmarkSeed.IndicatorsAsync(dbFactory, [.. drafts], "BENCH", 100, 100);
    var import = app.Service<AnswerImportService>();
    var importTimes = new List<double>();
    var answers = 0;
    long size = 0;
    foreach (var institutionId in drafts)
    {
        using var upload = await FilledTemplateAsync(import, admin, institutionId, benchPeriod);
        size = upload.Length;
        var importWatch = Stopwatch.StartNew();
        var imported = await import.ImportAsync(admin, institutionId, benchPeriod, upload, CancellationToken.None);
        importWatch.Stop();
        if (imported.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The benchmark's file did not import: {imported.Errors[0]}");
        }

        answers = imported.Imported;
        importTimes.Add(importWatch.Elapsed.TotalMilliseconds);
    }

    var openTimes = new List<double>();
    using (var upload = await FilledTemplateAsync(import, admin, drafts[0], benchPeriod))
    {
        for (var i = 0; i < 6; i++)
        {
            upload.Position = 0;
            var watch = Stopwatch.StartNew();
            using (new XLWorkbook(upload))
            {
                openTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }

    Report($"Excel import of {answers:N0} answers into an empty draft ({size / 1024:N0} KB)", importTimes.Skip(1).ToList(), "< 2000 ms");
    Console.WriteLine($"  of which ClosedXML opening the file alone: median {Median(openTimes):0} ms");
}

// 5. The per-request session check (ADR 0095).
if (Part("sessions"))
{
    await SessionCheckBenchmark.RunAsync(app, baseUrl);
}

// 6. Writes through the API (ADR 0105, 0107): a whole 300-answer submission in one JSON request over HTTP, 10,000 inquiries in another.
if (Part("api"))
{
    await ApiWriteBenchmark.RunAsync(app, baseUrl, admin, ids => BenchmarkSeed.IndicatorsAsync(dbFactory, ids, "BENCH300", 30, 10));

    // And 10,000 inquiries in one bulk push (ADR 0107).
    await InquiryWriteBenchmark.RunAsync(app, baseUrl, admin, mohId);
}

return 0;

static async Task<List<double>> TimeAsync<T>(int runs, int warmUp, Func<Task<T>> action)
{
    for (var i = 0; i < warmUp; i++)
    {
        await action();
    }

    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    return times;
}

// Runs a and b alternately (after warming both up) and returns the times of each.
static async Task<(List<double> A, List<double> B)> AlternateAsync(int runs, int warmUp, Func<Task> a, Func<Task> b)
{
    for (var i = 0; i < warmUp; i++)
    {
        await a();
        await b();
    }

    var (timesA, timesB) = (new List<double>(), new List<double>());
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await a();
        timesA.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await b();
        timesB.Add(watch.Elapsed.TotalMilliseconds);
    }

    return (timesA, timesB);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

static void Report(string what, List<double> times, string target) =>
    Console.WriteLine($"{what}: median {Median(times):0} ms · min {times.Min():0} ms · max {times.Max():0} ms ({times.Count} runs){(target.Length > 0 ? $" (target {target})" : "")}");

// The demo period's scores repeated to the given number of institutions (names and codes made unique).
static PeriodScores Scale(PeriodScores scores, int count)
{
    var source = scores.Board.Entries;
    var entries = new List<ScoreboardEntry>();
    var institutions = new Dictionary<string, InstitutionInPeriod>();
    for (var i = 0; i < count; i++)
    {
        var entry = source[i % source.Count];
        var institution = scores.InstitutionOf(entry);
        var key = (10_000 + i).ToString(CultureInfo.InvariantCulture);
        entries.Add(entry with { Result = entry.Result with { Key = key } });
        institutions[key] = institution with { Id = 10_000 + i, Code = $"{institution.Code}-{i}", NameAr = $"{institution.NameAr} {i}", NameEn = $"{institution.NameEn} {i}" };
    }

    return scores with { Board = scores.Board with { Entries = entries }, Institutions = institutions };
}

static async Task<MemoryStream> FilledTemplateAsync(AnswerImportService import, StrategyGov.Web.Security.Actor actor, int institutionId, int periodId)
{
    var template = await import.TemplateAsync(actor, institutionId, periodId, "ar", CancellationToken.None);
    using var workbook = new XLWorkbook(new MemoryStream(template.Content));
    var sheet = workbook.Worksheet(1);
    for (var row = 2; row <= sheet.LastRowUsed()!.RowNumber(); row++)
    {
        sheet.Cell(row, AnswerWorkbook.Value).Value = row % 101;
    }

    var upload = new MemoryStream();
    workbook.SaveAs(upload);
    upload.Position = 0;
    return upload;
}
