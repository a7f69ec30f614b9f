using Bunit;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Components;

/// <summary>
/// Text users type that mixes Arabic and Latin is isolated (ADR 0112): the evidence list of the submission
/// and review pages (both render EvidenceList) and the PDF's HTML keep it in a bidi isolate.
/// </summary>
public sealed class BidiIsolationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>, IAsyncLifetime
{
    private const string MixedName = "تقرير Q3 report-v2.pdf";

    private readonly AppComponentContext _ui = new(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task EvidenceList_MixedFileNameLinkAndUploader_AreEachIsolated()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        EvidenceItem[] items =
        [
            new(Guid.NewGuid(), 1, EvidenceKind.File, MixedName, "application/pdf", 2048, null, null, DateTime.UtcNow, "Sara الشمري", false),
            new(Guid.NewGuid(), 1, EvidenceKind.Link, null, null, 0, "https://moh.example/تقرير", null, DateTime.UtcNow, "Sara الشمري", false),
        ];

        var cut = _ui.Render<EvidenceList>(p => p
            .Add(c => c.SubmissionId, 1).Add(c => c.IndicatorId, 1).Add(c => c.Items, items).Add(c => c.Actor, director).Add(c => c.ReadOnly, true));

        var file = cut.Find("[data-testid=evidence-download] bdi");
        Assert.Equal(MixedName, file.TextContent);
        var link = cut.FindAll("a.sg-evidence-link")[1];
        Assert.Equal("ltr", link.GetAttribute("dir"));
        Assert.Equal(2, cut.FindAll("bdi").Count(b => b.TextContent == "Sara الشمري"));
    }

    [Fact]
    public async Task NationalHtml_MixedInstitutionName_IsInsideAnIsolate()
    {
        var model = await app.Service<ReportService>().NationalModelAsync(
            await app.ActorAsync(DemoUsers.Official), await app.PeriodIdAsync(SeededData.OpenPeriod), CancellationToken.None);
        var renamed = model with
        {
            Rows = model.Rows.Select((r, i) => i == 0 ? r with { Institution = r.Institution with { NameAr = MixedName } } : r).ToList(),
        };

        // The renderer may write Arabic as character references: compare the decoded text.
        var html = System.Net.WebUtility.HtmlDecode(await app.Service<ReportService>().NationalHtmlAsync(renamed, ReportService.CultureOf("ar")));

        Assert.Contains($"<td><bdi>{MixedName}</bdi></td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td>{MixedName}</td>", html, StringComparison.Ordinal);
    }
}
