using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Tests.Support;
using Xunit.Abstractions;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The media pages and downloads over HTTP as each role, guessing other institutions' URLs: a campaign PDF or
/// a log export of another institution is 404 without its data, national views are refused to institution
/// users; the campaign PDF read back with pdftotext in Arabic and English. Nothing here changes data.
/// </summary>
public sealed class MediaHttpTests(StrategyGovAppFactory app, ITestOutputHelper output) : IClassFixture<StrategyGovAppFactory>
{
    private const string MohFluLaunch = "إطلاق الحملة الوطنية للتطعيم ضد الإنفلونزا الموسمية";
    private const string EastMeeting = "اللقاء الدوري مع الإعلاميين وكتّاب الرأي بالمنطقة الشرقية";
    private const string MomraLaunch = "إطلاق حملة التعريف ببرنامج التحول البلدي";

    private async Task<HttpResponseMessage> GetAsync(string email, string path)
    {
        var client = await app.SignedInClientAsync(email);
        return await client.GetAsync(path);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast, HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.ContributorMoh, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Official, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Reviewer, HttpStatusCode.OK)]
    public async Task CampaignPdf_PerRoleAndInstitution(string email, HttpStatusCode expected)
    {
        var flu = await app.CampaignIdAsync(MediaData.FluCampaign);

        var response = await GetAsync(email, $"/media/campaigns/{flu}/plan.pdf?lang=en");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, response.Content.Headers.ContentType?.MediaType == FileDownload.PdfContentType);
    }

    [Theory]
    [InlineData("/media/campaigns/{0}")]
    [InlineData("/media/campaigns/{0}/plan.pdf?lang=ar")]
    public async Task CampaignUrls_OtherInstitution_Are404WithoutItsData(string pattern)
    {
        var flu = await app.CampaignIdAsync(MediaData.FluCampaign);

        var response = await GetAsync(DemoUsers.DirectorEast, string.Format(CultureInfo.InvariantCulture, pattern, flu));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("الإنفلونزا", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignPdf_Arabic_OnePageWithPlanResultsAndHijriDates()
    {
        var heat = await app.CampaignIdAsync(MediaData.HeatCampaign);

        var response = await GetAsync(DemoUsers.DirectorMoh, $"/media/campaigns/{heat}/plan.pdf?lang=ar");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var text = Bidi.Strip(await PdfTools.TextAsync(pdf));
        output.WriteLine(text);
        Assert.Equal(1, await PdfTools.PageCountAsync(pdf));
        Assert.Contains("حملة الوقاية من الإجهاد الحراري", text, StringComparison.Ordinal);
        Assert.Contains("خطة الحملة ونتائجها", text, StringComparison.Ordinal);
        Assert.Contains("خفض حالات الإجهاد الحراري المسجلة في الطوارئ", text, StringComparison.Ordinal);
        Assert.Contains("الدروس المستفادة", text, StringComparison.Ordinal);
        Assert.Contains("المدخلات", text, StringComparison.Ordinal);
        Assert.Contains("هـ", text, StringComparison.Ordinal);
        Assert.Matches(PdfTools.StandaloneNumber("26,500"), text);
    }

    [Fact]
    public async Task CampaignPdf_English_HasTheEnglishTitleAndNoArabicLabels()
    {
        var municipal = await app.CampaignIdAsync(MediaData.MunicipalCampaign);

        var response = await GetAsync(DemoUsers.Official, $"/media/campaigns/{municipal}/plan.pdf?lang=en");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var text = Bidi.Strip(await PdfTools.TextAsync(pdf));
        output.WriteLine(text);
        Assert.Equal(1, await PdfTools.PageCountAsync(pdf));
        Assert.Contains(MediaData.MunicipalCampaign, text, StringComparison.Ordinal);
        Assert.Contains("Campaign plan and results", text, StringComparison.Ordinal);
        Assert.Contains("Objectives met", text, StringComparison.Ordinal);
        Assert.Contains("Eastern Province", text, StringComparison.Ordinal);
        Assert.Contains(" AH", text, StringComparison.Ordinal);
        Assert.DoesNotContain("خطة الحملة ونتائجها", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*2\s*/\s*3\s*$", text); // objectives met, as the card prints it
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast, "MOH", HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.ContributorMoh, "AMN-EAST", HttpStatusCode.NotFound)]
    [InlineData(DemoUsers.ContributorMoh, "MOH", HttpStatusCode.OK)]
    [InlineData(DemoUsers.Official, "MOH", HttpStatusCode.OK)]
    public async Task InteractionExport_ForAnInstitution_PerRole(string email, string institution, HttpStatusCode expected)
    {
        var id = await app.InstitutionIdAsync(institution);

        var response = await GetAsync(email, $"/media/interactions/export.xlsx?institutionId={id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task InteractionExport_InstitutionUser_HoldsOnlyItsOwnRows()
    {
        var response = await GetAsync(DemoUsers.DirectorEast, "/media/interactions/export.xlsx");

        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var institutions = book.Worksheets.First().RowsUsed().Skip(1).Select(r => r.Cell(3).GetString()).Distinct().ToList();
        Assert.Equal(["أمانة المنطقة الشرقية"], institutions);
        Assert.All(book.Worksheets.Last().RowsUsed().Skip(1), r => Assert.Equal("أمانة المنطقة الشرقية", r.Cell(2).GetString()));
    }

    [Fact]
    public async Task CampaignExport_InstitutionUser_HoldsOnlyItsOwnAndCoOwnedCampaigns()
    {
        var asEast = await GetAsync(DemoUsers.DirectorEast, "/media/campaigns/export.xlsx");
        var asOfficial = await GetAsync(DemoUsers.Official, "/media/campaigns/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, asEast.StatusCode);
        var eastTitles = await CampaignTitlesAsync(asEast);
        var allTitles = await CampaignTitlesAsync(asOfficial);
        Assert.Equal(2, eastTitles.Count); // the municipal campaign (a partner) and its own humanising draft
        Assert.Contains(eastTitles, t => t.Contains("التحول البلدي", StringComparison.Ordinal));
        Assert.DoesNotContain(eastTitles, t => t.Contains("الإنفلونزا", StringComparison.Ordinal));
        Assert.Contains(allTitles, t => t.Contains("الإنفلونزا", StringComparison.Ordinal));
    }

    private static async Task<List<string>> CampaignTitlesAsync(HttpResponseMessage response)
    {
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        return book.Worksheets.First().RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
    }

    [Theory]
    [InlineData("/media/interactions")]
    [InlineData("/media/interactions?campaign={0}")]
    public async Task InteractionsPage_InstitutionUser_ShowsOnlyItsOwnLog(string pattern)
    {
        var flu = await app.CampaignIdAsync(MediaData.FluCampaign);

        var html = await (await GetAsync(DemoUsers.DirectorEast, string.Format(CultureInfo.InvariantCulture, pattern, flu))).Content.ReadAsStringAsync();
        var asOfficial = await (await GetAsync(DemoUsers.Official, "/media/interactions")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(MohFluLaunch, html, StringComparison.Ordinal);
        Assert.Contains(MohFluLaunch, asOfficial, StringComparison.Ordinal);
        if (!pattern.Contains('?', StringComparison.Ordinal))
        {
            Assert.Contains(EastMeeting, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JournalistPage_InstitutionUser_ListsOnlyItsOwnInteractionsWithThem()
    {
        var fahad = await app.JournalistIdAsync(MediaData.Fahad);

        var asEast = await (await GetAsync(DemoUsers.DirectorEast, $"/media/journalists/{fahad}")).Content.ReadAsStringAsync();
        var asOfficial = await (await GetAsync(DemoUsers.Official, $"/media/journalists/{fahad}")).Content.ReadAsStringAsync();

        Assert.Contains(EastMeeting, asEast, StringComparison.Ordinal);
        Assert.DoesNotContain(MomraLaunch, asEast, StringComparison.Ordinal);
        Assert.Contains(EastMeeting, asOfficial, StringComparison.Ordinal);
        Assert.Contains(MomraLaunch, asOfficial, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/media/campaigns/{0}/plan.pdf?lang=ar")]
    [InlineData("/media/campaigns/export.xlsx")]
    [InlineData("/media/interactions/export.xlsx")]
    [InlineData("/media/journalists/export.xlsx")]
    public async Task Downloads_Anonymous_AreSentToSignIn(string pattern)
    {
        var flu = await app.CampaignIdAsync(MediaData.FluCampaign);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, pattern, flu));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData(DemoUsers.Official, false)]
    [InlineData(DemoUsers.DirectorEast, true)]
    public async Task RegisterExport_ContactsOnlyForInstitutionUsersAndTheCenter(string email, bool contacts)
    {
        var response = await GetAsync(email, "/media/journalists/export.xlsx");

        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("Journalists");
        var salim = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == MediaData.Salim);
        Assert.Equal(contacts ? "+968 9123 4501" : string.Empty, salim.Cell(9).GetString());
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task RelationsPage_InstitutionUser_IsRefusedWithoutTheData(string email)
    {
        var response = await GetAsync(email, "/media/relations");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Fahad Al Otaibi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh, "/media/journalists")]
    [InlineData(DemoUsers.DirectorMoh, "/media/outlets")]
    [InlineData(DemoUsers.DirectorMoh, "/media/interactions")]
    [InlineData(DemoUsers.DirectorMoh, "/media/campaigns")]
    [InlineData(DemoUsers.Official, "/media/relations")]
    public async Task Pages_Are200WithALevelOneHeading(string email, string path)
    {
        var response = await GetAsync(email, path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalistPage_InstitutionUser_ShowsContactsButNotWhoDealsWithWhom()
    {
        var noura = await app.JournalistIdAsync(MediaData.Noura);

        var asDirector = await (await GetAsync(DemoUsers.DirectorEast, $"/media/journalists/{noura}")).Content.ReadAsStringAsync();
        var asOfficial = await (await GetAsync(DemoUsers.Official, $"/media/journalists/{noura}")).Content.ReadAsStringAsync();

        Assert.Contains("55 230 9914", asDirector, StringComparison.Ordinal); // "+" is written as an entity
        Assert.DoesNotContain("who-deals", asDirector, StringComparison.Ordinal);
        Assert.Contains("who-deals", asOfficial, StringComparison.Ordinal);
        Assert.DoesNotContain("55 230 9914", asOfficial, StringComparison.Ordinal);
    }
}
