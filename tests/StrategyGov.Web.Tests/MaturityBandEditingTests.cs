using StrategyGov.Testing;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Maturity bands of a version (ADR 0103): the center edits them in drafts only; gaps and overlaps are
/// refused with a message that names the bands; anyone but a center administrator is refused.
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

    private static BandForm Band(string code, decimal lowerBound) =>
        new() { Code = code, LowerBound = lowerBound, NameAr = code == "Low" ? "منخفض" : $"نطاق {code}", NameEn = code };
}
