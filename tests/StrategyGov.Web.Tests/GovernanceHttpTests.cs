using System.Net;
using ClosedXML.Excel;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The governance pages and Excel exports over HTTP, tried as the wrong user: another institution's
/// register, expectations and crisis plan are 404 without their data; national views are refused to
/// institution users. Nothing here changes data.
/// </summary>
public sealed class GovernanceHttpTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string MohNameAr = "وزارة الصحة";
    private const string MohSpokesperson = "د. خالد بن سعيد الهنائي";

    [Theory]
    [InlineData("/roles/institutions/{0}")]
    [InlineData("/raci/institutions/{0}")]
    [InlineData("/crisis/institutions/{0}")]
    public async Task Page_OtherInstitution_Is404WithoutItsData(string path)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, mohId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(MohNameAr, body, StringComparison.Ordinal);
        Assert.DoesNotContain(MohSpokesperson, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/roles/institutions/{0}/roles.xlsx")]
    [InlineData("/raci/institutions/{0}/expected.xlsx")]
    public async Task Export_OtherInstitution_Is404(string path)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, mohId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(FileDownload.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/roles/register.xlsx")]
    [InlineData("/crisis/readiness.xlsx")]
    public async Task NationalExport_Director_Is403(string path)
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/roles/register")]
    [InlineData("/crisis/readiness")]
    public async Task NationalPage_Director_IsRefused(string path)
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("أمانة المنطقة الشرقية", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnPages_Director_Are200WithOwnData()
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        foreach (var path in new[] { "/roles/mine", "/raci/mine", "/crisis/mine" })
        {
            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(MohNameAr, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/roles/register.xlsx?type=ministry&gaps=false", "MOH")]
    [InlineData("/crisis/readiness.xlsx?type=&status=Ready", "MOH")]
    public async Task NationalExport_Official_IsAWorkbookHoldingTheInstitution(string path, string code)
    {
        var client = await app.SignedInClientAsync(DemoUsers.Official);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileDownload.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.True(sheet.RightToLeft); // Arabic is the default culture
        Assert.Contains(sheet.Column(1).CellsUsed(), c => c.GetString() == code);
    }
}
