using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Framework;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Maturity bands of a version (ADR 0103): the center edits them in drafts only; gaps and overlaps are
/// refused with a message that names the bands; anyone but a center administrator is refused. Each band
/// has a colour the center chooses (ADR 0112): #rrggbb, readable under black or white text, audited and
/// copied with the version.
/// </summary>
public sealed class MaturityBandEditingTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private FrameworkService Frameworks => app.Service<FrameworkService>();

    public static TheoryData<string, decimal[], string> BadBands() => new()
    {
        { "gap at the start", [10m, 50m], "Bands_GapAtStart" },
        { "two start at 40", [0m, 40m, 40m], "Bands_Overlap" },
        { "beyond 100", [0m, 100m], "Bands_OutOfRange" },
        { "none", [], "Bands_None" },
    };

    [Theory]
    [MemberData(nameof(BadBands))]
    public void Check_GapsOverlapsAndRange_AreProblems(string because, decimal[] lowerBounds, string expected)
    {
        var bands = lowerBounds.Select((b, i) => Band($"B{i}", b)).ToList();

        var problems = BandRules.Check(bands);

        Assert.True(problems.Any(p => p.MessageKey == expected), because);
    }

    [Fact]
    public void Check_ContiguousFromZero_HasNoProblem()
    {
        var problems = BandRules.Check([Band("Low", 0m), Band("Mid", 50m), Band("High", 75.5m)]);

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_Overlap_NamesBothBandsAndTheScore()
    {
        var problem = BandRules.Check([Band("Low", 0m), Band("A", 40m), Band("B", 40m)]).Single();

        Assert.Equal("Bands_Overlap", problem.MessageKey);
        Assert.Equal(["A", "B", "40"], problem.Arguments.Select(a => a.ToString()));
    }

    [Fact]
    public async Task UpdateBands_Draft_StoresThemInOrderAndScoringUsesThem()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await Frameworks.CreateDraftAsync(admin, await app.SeededVersionIdAsync(), new VersionForm(), None);

        await Frameworks.UpdateBandsAsync(admin, draftId, [Band("High", 70m), Band("Low", 0m), Band("Mid", 35m)], None);

        var tree = await Frameworks.GetTreeAsync(admin, draftId, None);
        Assert.Equal(["Low", "Mid", "High"], tree.Bands.Select(b => b.Code));
        Assert.Equal([0m, 35m, 70m], tree.Bands.Select(b => b.LowerBound));
        Assert.Equal("منخفض High", $"{tree.Bands[0].NameAr} {tree.Bands[2].NameEn}");
    }

    [Fact]
    public async Task UpdateBands_WithGap_IsRefusedAndNothingChanges()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await Frameworks.CreateDraftAsync(admin, await app.SeededVersionIdAsync(), new VersionForm(), None);
        var before = (await Frameworks.GetTreeAsync(admin, draftId, None)).Bands;

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Frameworks.UpdateBandsAsync(admin, draftId, [Band("Mid", 20m), Band("High", 60m)], None));

        Assert.Equal("Bands_GapAtStart", refusal.Message);
        Assert.Equal(before, (await Frameworks.GetTreeAsync(admin, draftId, None)).Bands);
    }

    [Fact]
    public async Task UpdateBands_PublishedVersion_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var publishedId = await app.SeededVersionIdAsync();

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Frameworks.UpdateBandsAsync(admin, publishedId, [Band("Low", 0m)], None));

        Assert.Equal("Framework_NotDraft", refusal.Message);
    }

    [Theory]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.DirectorMoh)]
    public async Task UpdateBands_NotACenterAdministrator_IsRefused(string email)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await Frameworks.CreateDraftAsync(admin, await app.SeededVersionIdAsync(), new VersionForm(), None);
        var other = await app.ActorAsync(email);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Frameworks.UpdateBandsAsync(other, draftId, [Band("Low", 0m)], None));
    }

    [Theory]
    [InlineData("green", "Bands_ColorFormat")]
    [InlineData("#12345", "Bands_ColorFormat")]
    [InlineData("#12345g", "Bands_ColorFormat")]
    [InlineData("", "Bands_ColorFormat")]
    [InlineData("#808080", "Bands_ColorContrast")]
    [InlineData("#8a8a8a", "Bands_ColorContrast")]
    public void Check_BadOrUnreadableColour_IsAProblemNamingTheBand(string color, string expected)
    {
        var band = Band("Mid", 0m);
        band.Color = color;

        var problem = BandRules.Check([band]).Single();

        Assert.Equal(expected, problem.MessageKey);
        Assert.Equal("Mid", problem.Arguments[0]);
    }

    [Theory]
    [InlineData("#c9a400", BandColors.Dark)]
    [InlineData("#FFFF00", BandColors.Dark)]
    [InlineData("#0b6e4f", BandColors.Light)]
    [InlineData("#b35f00", BandColors.Light)]
    [InlineData("#000000", BandColors.Light)]
    public void TextOn_PicksTheTextColourThatReadsAtLeastAA(string background, string expected)
    {
        var text = BandColors.TextOn(background);

        Assert.Equal(expected, text);
        Assert.True(BandColors.Contrast(background, text) >= BandColors.MinimumContrast);
    }

    [Fact]
    public void TheStandardColours_AreAllReadable()
    {
        string[] codes = ["Initial", "Developing", "Defined", "Managed", "Leading", "Other"];

        Assert.All(codes, code => Assert.True(BandColors.IsReadable(MaturityBandDefinition.DefaultColor(code)), code));
    }

    [Fact]
    public async Task UpdateBands_Colours_AreStoredAuditedDrawnAndCopiedToANewDraft()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await Frameworks.CreateDraftAsync(admin, await app.SeededVersionIdAsync(), new VersionForm(), None);
        await using var db = await app.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var lastEvent = await db.AuditEvents.MaxAsync(e => e.Sequence);
        var low = Band("Low", 0m);
        low.Color = " #1A5276 ";
        var high = Band("High", 50m);
        high.Color = "#f7dc6f";

        await Frameworks.UpdateBandsAsync(admin, draftId, [low, high], None);

        var tree = await Frameworks.GetTreeAsync(admin, draftId, None);
        Assert.Equal(["#1a5276", "#f7dc6f"], tree.Bands.Select(b => b.Color));
        var drawn = await app.Service<FrameworkCache>().GetAsync(draftId, None);
        Assert.Equal([("#1a5276", BandColors.Light), ("#f7dc6f", BandColors.Dark)], drawn.Bands.Select(b => (b.Color, b.TextColor)));
        var created = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > lastEvent && e.EntityType == nameof(MaturityBandDefinition) && e.Action == AuditAction.Created)
            .ToListAsync();
        Assert.Equal(2, created.Count);
        Assert.Contains(created, e => e.After!.Contains("#1a5276", StringComparison.Ordinal) && e.ActorUserId == admin.UserId);
        Assert.Equal(5, await db.AuditEvents.CountAsync(e => e.Sequence > lastEvent && e.EntityType == nameof(MaturityBandDefinition) && e.Action == AuditAction.Deleted));

        var copyId = await Frameworks.CreateDraftAsync(admin, draftId, new VersionForm(), None);

        var copy = await Frameworks.GetTreeAsync(admin, copyId, None);
        Assert.Equal(tree.Bands, copy.Bands);
    }

    [Fact]
    public async Task UpdateBands_UnreadableColour_IsRefusedAndNothingChanges()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await Frameworks.CreateDraftAsync(admin, await app.SeededVersionIdAsync(), new VersionForm(), None);
        var before = (await Frameworks.GetTreeAsync(admin, draftId, None)).Bands;
        var grey = Band("Low", 0m);
        grey.Color = "#808080";

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Frameworks.UpdateBandsAsync(admin, draftId, [grey], None));

        Assert.Equal("Bands_ColorContrast", refusal.Message);
        Assert.Equal(before, (await Frameworks.GetTreeAsync(admin, draftId, None)).Bands);
        Assert.Equal("#b3261e", before[0].Color);
    }

    [Fact]
    public async Task FrameworkJson_CarriesColours_AndRefusesAnUnreadableOneAtItsPath()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var transfer = app.Service<FrameworkTransfer>();
        var exported = await transfer.ExportAsync(admin, await app.SeededVersionIdAsync(), None);
        var json = System.Text.Encoding.UTF8.GetString(exported.Content);
        Assert.Contains("\"color\": \"#c9a400\"", json, StringComparison.Ordinal);

        var result = await transfer.ImportAsync(admin, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.Replace("#c9a400", "#777777", StringComparison.Ordinal))), None);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.bands[2].color", "Bands_ColorContrast"), (error.Path, error.MessageKey));
    }

    private static BandForm Band(string code, decimal lowerBound) =>
        new() { Code = code, LowerBound = lowerBound, NameAr = code == "Low" ? "منخفض" : $"نطاق {code}", NameEn = code };
}
