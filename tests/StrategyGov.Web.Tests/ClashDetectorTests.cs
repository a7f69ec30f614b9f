using StrategyGov.Web.Features.Calendar;

namespace StrategyGov.Web.Tests;

/// <summary>The unified calendar's clash rules (ADR 0060), on plain candidates: no database, no clock.</summary>
public sealed class ClashDetectorTests
{
    private const int Public = 1;
    private const int Youth = 2;
    private const int Media = 3;
    private static readonly DateOnly Day0 = new(2026, 12, 1);

    [Theory]
    [InlineData(1, 3, 3, 5, true)]   // one ends the day the other starts: inclusive edge, a clash
    [InlineData(1, 3, 4, 5, false)]  // the next day: free
    [InlineData(4, 5, 1, 3, false)]
    [InlineData(1, 10, 4, 5, true)]  // one inside the other
    [InlineData(2, 2, 2, 2, true)]   // the same single day
    [InlineData(2, 2, 1, 1, false)]
    public void Find_OverlapEdges_ClashOnlyWhenADayIsShared(int firstA, int lastA, int firstB, int lastB, bool clash)
    {
        var a = Entry(1, institution: 10, firstA, lastA, Public);
        var b = Entry(2, institution: 20, firstB, lastB, Public);

        var clashes = ClashDetector.Find([a, b]);

        Assert.Equal(clash, clashes.Count == 1);
    }

    [Fact]
    public void Find_SharedDays_ReportsTheOverlapAndSharedAudiences()
    {
        var a = Entry(7, institution: 10, 1, 5, Public, Youth);
        var b = Entry(3, institution: 20, 4, 9, Youth, Media);

        var clash = Assert.Single(ClashDetector.Find([a, b]));

        Assert.Equal((3, 7), (clash.FirstId, clash.SecondId));
        Assert.Equal((Day(4), Day(5)), (clash.From, clash.To));
        Assert.Equal([Youth], clash.SharedAudienceIds);
    }

    [Fact]
    public void Find_DifferentAudiences_IsNoClash()
    {
        var a = Entry(1, institution: 10, 1, 5, Public);
        var b = Entry(2, institution: 20, 1, 5, Youth, Media);

        Assert.Empty(ClashDetector.Find([a, b]));
    }

    [Fact]
    public void Find_SameInstitution_IsNoClash()
    {
        var a = Entry(1, institution: 10, 1, 5, Public);
        var b = Entry(2, institution: 10, 1, 5, Public);

        Assert.Empty(ClashDetector.Find([a, b]));
    }

    [Fact]
    public void Find_OneNotHighProfile_IsNoClash()
    {
        var a = Entry(1, institution: 10, 1, 5, Public);
        var b = Entry(2, institution: 20, 1, 5, Public) with { IsHighProfile = false };

        Assert.Empty(ClashDetector.Find([a, b]));
    }

    [Fact]
    public void Find_ThreeInstitutions_EveryPairOnce()
    {
        var entries = new[] { Entry(1, 10, 1, 5, Public), Entry(2, 20, 3, 6, Public), Entry(3, 30, 5, 5, Public), Entry(4, 40, 6, 9, Youth) };

        var pairs = ClashDetector.Find(entries).Select(c => (c.FirstId, c.SecondId)).ToList();

        Assert.Equal([(1, 2), (1, 3), (2, 3)], pairs.Order().ToList());
    }

    [Fact]
    public void SuggestFreeStart_NoRival_IsTheEntrysOwnStart()
    {
        var entry = Entry(1, 10, 4, 6, Public);

        Assert.Equal(Day(4), ClashDetector.SuggestFreeStart(entry, [entry, Entry(2, 20, 1, 3, Public), Entry(3, 20, 4, 6, Youth)]));
    }

    [Fact]
    public void SuggestFreeStart_ChainedRivals_SkipsToTheFirstGapLongEnough()
    {
        // Three days long; rivals on days 1–5, 7–8 (a one-day gap on 6 is too short), then 13.
        var entry = Entry(1, 10, 2, 4, Public);
        var rivals = new[] { entry, Entry(2, 20, 1, 5, Public), Entry(3, 30, 7, 8, Public), Entry(4, 40, 13, 13, Public) };

        Assert.Equal(Day(9), ClashDetector.SuggestFreeStart(entry, rivals));
    }

    [Fact]
    public void SuggestFreeStart_OwnInstitutionAndOtherAudiences_DoNotBlock()
    {
        var entry = Entry(1, 10, 2, 3, Public);
        var rivals = new[] { entry, Entry(2, 10, 1, 30, Public), Entry(3, 20, 1, 30, Youth), Entry(4, 20, 3, 3, Public) };

        Assert.Equal(Day(4), ClashDetector.SuggestFreeStart(entry, rivals));
    }

    [Theory]
    [InlineData("2026-12-01T00:00", "2026-12-02T00:00", "2026-12-01", "2026-12-01")] // all-day, one day (end exclusive)
    [InlineData("2026-12-01T00:00", "2026-12-04T00:00", "2026-12-01", "2026-12-03")]
    [InlineData("2026-12-01T22:00", "2026-12-02T00:00", "2026-12-01", "2026-12-01")] // ends at midnight: belongs to the day before
    [InlineData("2026-12-01T22:00", "2026-12-02T01:00", "2026-12-01", "2026-12-02")] // runs past midnight: two days
    [InlineData("2026-12-01T09:00", "2026-12-01T12:00", "2026-12-01", "2026-12-01")]
    public void DaysOf_LocalTimes_GiveInclusiveDays(string starts, string ends, string first, string last)
    {
        var days = ClashDetector.DaysOf(DateTime.Parse(starts, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(ends, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), days);
    }

    private static DateOnly Day(int offset) => Day0.AddDays(offset);

    private static ClashCandidate Entry(int id, int institution, int first, int last, params int[] audiences) =>
        new(id, institution, Day(first), Day(last), audiences.ToHashSet(), IsHighProfile: true);
}
