using System.Net;
using ClosedXML.Excel;
using StrategyGov.Testing;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Every report and export URL tried per role, including guessing another institution's URL. Nothing
/// here changes data, so the tests share one app.
/// </summary>
public sealed class ReportAuthorizationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Theory]
    [InlineData(DemoUsers.Official, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Reviewer, HttpStatusCode.OK)]
    [InlineData(DemoUsers.DirectorMoh, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.ContributorMoh, HttpStatusCode.Forbidden)]
    public async Task NationalPdf_PerRole(string email, HttpStatusCode expected)
    {
        var url = $"/reports/periods/{await app.PeriodIdAsync(SeededData.PublishedPeriod)}/national.pdf?lang=en";

        var status = await StatusAsync(email, url);

        Assert.Equal(expected, status);
    }

    private const string InstitutionPdf = "/reports/institutions/{0}/periods/{1}/report.pdf?lang=ar";
    private const string ImportTemplate = "/excel/institutions/{0}/periods/{1}/template.xlsx?lang=ar";

    [Theory]
    [InlineData(InstitutionPdf, SeededData.PublishedPeriod, DemoUsers.DirectorEast, "MOH", HttpStatusCode.NotFound)]
    [InlineData(InstitutionPdf, SeededData.PublishedPeriod, DemoUsers.ContributorMoh, "AMN-EAST", HttpStatusCode.NotFound)]
    [InlineData(InstitutionPdf, SeededData.PublishedPeriod, DemoUsers.DirectorEast, "AMN-EAST", HttpStatusCode.OK)]
    [InlineData(InstitutionPdf, SeededData.PublishedPeriod, DemoUsers.Admin, "AMN-EAST", HttpStatusCode.OK)]
    [InlineData(ImportTemplate, SeededData.OpenPeriod, DemoUsers.DirectorEast, "MOH", HttpStatusCode.NotFound)]
    [InlineData(ImportTemplate, SeededData.OpenPeriod, DemoUsers.ContributorMoh, "AMN-EAST", HttpStatusCode.NotFound)]
    [InlineData(ImportTemplate, SeededData.OpenPeriod, DemoUsers.Official, "MOH", HttpStatusCode.Forbidden)]
    [InlineData(ImportTemplate, SeededData.OpenPeriod, DemoUsers.ContributorMoh, "MOH", HttpStatusCode.OK)]
    [InlineData(ImportTemplate, SeededData.OpenPeriod, DemoUsers.Reviewer, "MOH", HttpStatusCode.OK)]
    public async Task InstitutionUrl_PerRoleAndInstitution(string pattern, string period, string email, string institution, HttpStatusCode expected)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, await app.InstitutionIdAsync(institution), await app.PeriodIdAsync(period));

        var status = await StatusAsync(email, url);

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(DemoUsers.Official, 32)]
    [InlineData(DemoUsers.Admin, 32)]
    [InlineData(DemoUsers.DirectorEast, 1)]
    public async Task PeriodExport_CenterSeesAll_InstitutionUserOnlyItsOwnRows(string email, int institutions)
    {
        var client = await app.SignedInClientAsync(email);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var response = await client.GetAsync($"/excel/periods/{periodId}/export.xlsx?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var codes = workbook.Worksheet("Institution scores").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        Assert.Equal(institutions, codes.Count);
        var answerCodes = workbook.Worksheet("Answers").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).Distinct().ToList();
        Assert.Subset(codes.ToHashSet(), answerCodes.ToHashSet());
        if (email == DemoUsers.DirectorEast)
        {
            Assert.Equal(new[] { "AMN-EAST" }, codes);
        }
    }

    [Fact]
    public async Task ReportJob_AnotherUsersJob_IsNotFound()
    {
        var official = await app.ActorAsync(DemoUsers.Official);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var jobs = app.Service<ReportJobs>();
        var job = jobs.StartNational(official, await app.PeriodIdAsync(SeededData.PublishedPeriod), "ar");
        await WaitAsync(job);

        var own = jobs.Download(official, job.Id);

        Assert.Equal(ReportStage.Ready, job.Stage);
        Assert.NotEmpty(own.Content);
        Assert.Throws<NotFoundException>(() => jobs.Download(reviewer, job.Id));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(DemoUsers.Reviewer, $"/reports/jobs/{job.Id}"));
    }

    [Fact]
    public async Task ReportJob_InstitutionUser_Fails()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var jobs = app.Service<ReportJobs>();

        var job = jobs.StartNational(director, await app.PeriodIdAsync(SeededData.PublishedPeriod), "ar");
        await WaitAsync(job);

        Assert.Equal(ReportStage.Failed, job.Stage);
        Assert.Throws<NotFoundException>(() => jobs.Download(director, job.Id));
    }

    private static async Task WaitAsync(ReportJob job)
    {
        var finished = new TaskCompletionSource();
        job.Changed += () =>
        {
            if (job.Stage is ReportStage.Ready or ReportStage.Failed)
            {
                finished.TrySetResult();
            }
        };
        if (job.Stage is not (ReportStage.Ready or ReportStage.Failed))
        {
            await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    private async Task<HttpStatusCode> StatusAsync(string email, string url)
    {
        var client = await app.SignedInClientAsync(email);
        var response = await client.GetAsync(url);
        return response.StatusCode;
    }
}
