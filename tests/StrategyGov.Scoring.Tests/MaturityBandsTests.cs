namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §5 Maturity bands: [0,20) Initial · [20,40) Developing · [40,60) Defined ·
// [60,80) Managed · [80,100] Leading, decided on the displayed (rounded) value.
public sealed class MaturityBandsTests
{
    public static TheoryData<decimal, string> DefaultBandCases => new()
    {
        { 0m, "Initial" },
        { 19.94m, "Initial" },     // shows 19.9
        { 19.95m, "Developing" },  // shows 20.0
        { 20m, "Developing" },
        { 39.94m, "Developing" },  // shows 39.9
        { 39.95m, "Defined" },     // shows 40.0
        { 40m, "Defined" },
        { 59.9m, "Defined" },
        { 60m, "Managed" },
        { 79.94m, "Managed" },     // shows 79.9
        { 79.95m, "Leading" },     // shows 80.0
        { 80m, "Leading" },
        { 100m, "Leading" },
    };

    public static TheoryData<decimal, string> CustomBandCases => new()
    {
        { 0m, "Low" },
        { 49.94m, "Low" },   // shows 49.9
        { 49.95m, "Mid" },   // shows 50.0
        { 89.94m, "Mid" },   // shows 89.9
        { 90m, "High" },
        { 100m, "High" },
    };

    [Theory]
    [MemberData(nameof(DefaultBandCases))]
    public void BandOf_DefaultBands_DecidesOnDisplayedValue(decimal score, string expected)
    {
        var bands = MaturityBands.Default;

        var band = bands.BandOf(score);

        Assert.Equal(expected, band.Code);
    }

    [Fact]
    public void Default_Bands_AreTheFiveDesignBandsInAscendingOrder()
    {
        var bands = MaturityBands.Default;

        var all = bands.All;

        Assert.Equal(["Initial", "Developing", "Defined", "Managed", "Leading"], all.Select(b => b.Code));
        Assert.Equal([0m, 20m, 40m, 60m, 80m], all.Select(b => b.LowerBound));
    }

    [Theory]
    [MemberData(nameof(CustomBandCases))]
    public void BandOf_CustomBandsGivenOutOfOrder_UsesTheirBounds(decimal score, string expected)
    {
        var bands = new MaturityBands([new("High", 90m), new("Low", 0m), new("Mid", 50m)]);

        var band = bands.BandOf(score);

        Assert.Equal(expected, band.Code);
    }

    [Fact]
    public void Constructor_LowestBandNotAt0_Throws()
    {
        MaturityBand[] bands = [new("Low", 10m), new("High", 50m)];

        var thrown = Assert.Throws<ArgumentException>(() => new MaturityBands(bands));

        Assert.Equal("bands", thrown.ParamName);
    }

    [Fact]
    public void Constructor_DuplicateLowerBounds_Throws()
    {
        MaturityBand[] bands = [new("Low", 0m), new("Mid", 50m), new("AlsoMid", 50m)];

        var thrown = Assert.Throws<ArgumentException>(() => new MaturityBands(bands));

        Assert.Equal("bands", thrown.ParamName);
    }

    [Fact]
    public void Constructor_NoBands_Throws()
    {
        MaturityBand[] bands = [];

        var thrown = Assert.Throws<ArgumentException>(() => new MaturityBands(bands));

        Assert.Equal("bands", thrown.ParamName);
    }

    [Fact]
    public void BandOf_SingleBandAt0_AlwaysReturnsIt()
    {
        var bands = new MaturityBands([new("Only", 0m)]);

        var band = bands.BandOf(100m);

        Assert.Equal("Only", band.Code);
    }
}
