using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Governance;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Raci;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The responsibility matrix and the role catalog: everyone signed in reads them, only CenterAdmin
/// changes them, and an edit that breaks "exactly one A, at least one R" is saved but shown as a
/// violation, never passed as valid.
/// </summary>
public sealed class RaciServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private RaciService Raci => app.Service<RaciService>();

    [Theory]
    [InlineData(DemoUsers.DirectorEast)]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.Reviewer)]
    public async Task GetMatrix_AnySignedInUser_ReadsTheSeededMatrix(string email)
    {
        var user = await app.ActorAsync(email);

        var matrix = await Raci.GetMatrixAsync(user, None);

        Assert.Equal(12, matrix.Activities.Count);
        Assert.Equal(6, matrix.Parties.Count);
        Assert.Equal(2, matrix.Parties.Count(p => p.IsInstitutionSide));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Official)]
    public async Task Change_NotCenterAdmin_IsAccessDeniedAndNothingChanges(string email)
    {
        var user = await app.ActorAsync(email);
        var matrix = await Raci.GetMatrixAsync(user, None);
        var activity = matrix.Activities[0];
        var party = matrix.Parties[0];
        var roles = await app.Service<RoleCatalogService>().ListAsync(user, None);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Raci.SetCellAsync(user, activity.Id, party.Id, RaciLetter.A, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Raci.SaveActivityAsync(user, new ActivityInput(activity.Id, "X1", "س", "x", 1), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Raci.SavePartyAsync(user, new PartyInput(null, "X", "س", "x", false, 9), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Raci.DeleteActivityAsync(user, activity.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Raci.DeletePartyAsync(user, party.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.Service<RoleCatalogService>().SaveAsync(user, new RoleInput(roles[0].Id, "X", "س", "x", null, null, false, false, 1), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Service<RoleCatalogService>().DeleteAsync(user, roles[^1].Id, None));

        var after = await Raci.GetMatrixAsync(user, None);
        Assert.Equal(matrix.Activities.Select(a => (a.Code, a.NameAr, a.Cells.Count)), after.Activities.Select(a => (a.Code, a.NameAr, a.Cells.Count)));
        Assert.Equal(matrix.Parties.Count, after.Parties.Count);
        Assert.Equal(roles, await app.Service<RoleCatalogService>().ListAsync(user, None));
    }

    [Fact]
    public async Task SetCell_EditRemovesTheOnlyA_IsSavedAndShownAsInvalid()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var (activity, center) = await CellAsync(admin, "A03", "CENTER");
        Assert.True((await Raci.GetMatrixAsync(admin, None)).IsValid);

        var problems = await Raci.SetCellAsync(admin, activity.Id, center.Id, RaciLetter.C, None);

        Assert.Equal([RaciProblem.NoAccountable], problems);
        var matrix = await Raci.GetMatrixAsync(admin, None);
        Assert.False(matrix.IsValid);
        Assert.Equal(new RaciViolation(activity.Id, "A03", RaciProblem.NoAccountable), Assert.Single(matrix.Violations));
        Assert.Equal(RaciLetter.C, matrix.Activities.Single(a => a.Code == "A03").Cells[center.Id]);

        await Raci.SetCellAsync(admin, activity.Id, center.Id, RaciLetter.A, None);
        Assert.True((await Raci.GetMatrixAsync(admin, None)).IsValid);
    }

    [Fact]
    public async Task SetCell_SecondAThenClearedR_ListsBothProblemsUntilFixed()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var (activity, center) = await CellAsync(admin, "A11", "CENTER");
        var media = (await CellAsync(admin, "A11", "INST-MEDIA")).Party;

        Assert.Equal([RaciProblem.SeveralAccountable], await Raci.SetCellAsync(admin, activity.Id, center.Id, RaciLetter.A, None));
        Assert.Equal(
            [RaciProblem.SeveralAccountable, RaciProblem.NoResponsible],
            await Raci.SetCellAsync(admin, activity.Id, media.Id, null, None));

        var violations = (await Raci.GetMatrixAsync(admin, None)).Violations.Where(v => v.ActivityCode == "A11").Select(v => v.Problem);
        Assert.Equal([RaciProblem.SeveralAccountable, RaciProblem.NoResponsible], violations);

        await Raci.SetCellAsync(admin, activity.Id, center.Id, null, None);
        Assert.Empty(await Raci.SetCellAsync(admin, activity.Id, media.Id, RaciLetter.R, None));
    }

    [Fact]
    public async Task SaveActivity_NewActivityWithoutCells_IsListedAsViolation()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var id = await Raci.SaveActivityAsync(admin, new ActivityInput(null, "a13", "تقييم رضا الجمهور عن التواصل الحكومي", "Assess public satisfaction", 13), None);

        var matrix = await Raci.GetMatrixAsync(admin, None);
        Assert.Equal("A13", matrix.Activities.Single(a => a.Id == id).Code);
        Assert.Equal([RaciProblem.NoAccountable, RaciProblem.NoResponsible], matrix.Violations.Where(v => v.ActivityId == id).Select(v => v.Problem));
        await Raci.DeleteActivityAsync(admin, id, None);
    }

    [Fact]
    public async Task SaveActivity_DuplicateCode_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Raci.SaveActivityAsync(admin, new ActivityInput(null, "A01", "س", "x", 99), None));

        Assert.Equal("Catalog_DuplicateCode", error.Message);
    }

    [Fact]
    public async Task Expectations_Director_ListsOnlyTheInstitutionSideLetters()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var mohId = await app.InstitutionIdAsync("MOH");

        var expected = await Raci.GetExpectationsAsync(director, mohId, None);

        Assert.Equal("MOH", expected.Institution.Code);
        Assert.NotEmpty(expected.Items);
        Assert.All(expected.Items.SelectMany(i => i.Letters), l => Assert.True(l.Party.IsInstitutionSide));
        var a01 = expected.Items.Single(i => i.Activity.Code == "A01");
        Assert.Equal([("INST-LEAD", RaciLetter.A), ("INST-MEDIA", RaciLetter.R)], a01.Letters.Select(l => (l.Party.Code, l.Letter)));
    }

    [Fact]
    public async Task Expectations_OtherInstitution_IsNotFoundForReadAndExport()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var mohId = await app.InstitutionIdAsync("MOH");

        await Assert.ThrowsAsync<NotFoundException>(() => Raci.GetExpectationsAsync(east, mohId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Raci.ExportExpectationsAsync(east, mohId, None));
    }

    [Fact]
    public async Task ExportExpectations_Own_ReopensWithOneRowPerLetter()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Bilingual.CreateCulture(Bilingual.English);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var mohId = await app.InstitutionIdAsync("MOH");
        var expected = await Raci.GetExpectationsAsync(director, mohId, None);

        var file = await Raci.ExportExpectationsAsync(director, mohId, None);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheets.Single();
        Assert.False(sheet.RightToLeft);
        Assert.Equal(expected.Items.Sum(i => i.Letters.Count) + 1, sheet.LastRowUsed().RowNumber());
        Assert.Equal("Prepare and approve the institution's annual communication plan", sheet.Cell(2, 2).GetString());
    }

    private async Task<(ActivityView Activity, PartyView Party)> CellAsync(Actor actor, string activity, string party)
    {
        var matrix = await Raci.GetMatrixAsync(actor, None);
        return (matrix.Activities.Single(a => a.Code == activity), matrix.Parties.Single(p => p.Code == party));
    }
}
