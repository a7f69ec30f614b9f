namespace StrategyGov.Scoring;

/// <summary>A named maturity band starting at <paramref name="LowerBound"/> (inclusive).</summary>
/// <param name="Code">Stable code, e.g. <c>Leading</c>.</param>
/// <param name="LowerBound">Lowest displayed score in the band, in [0, 100].</param>
public sealed record MaturityBand(string Code, decimal LowerBound);

/// <summary>
/// The bands of a strategy version. A score belongs to the band with the highest lower bound not above
/// its displayed (rounded) value, so what a reader sees is consistent: 79.95 shows as 80.0 and is Leading.
/// </summary>
public sealed class MaturityBands
{
    private readonly MaturityBand[] _ascending;

    /// <summary>Creates bands; the lowest must start at 0 and lower bounds must be distinct.</summary>
    public MaturityBands(IEnumerable<MaturityBand> bands)
    {
        _ascending = bands.OrderBy(b => b.LowerBound).ToArray();
        if (_ascending.Length == 0 || _ascending[0].LowerBound != 0m)
        {
            throw new ArgumentException("The lowest maturity band must start at 0.", nameof(bands));
        }

        for (var i = 1; i < _ascending.Length; i++)
        {
            if (_ascending[i].LowerBound == _ascending[i - 1].LowerBound)
            {
                throw new ArgumentException("Maturity band lower bounds must be distinct.", nameof(bands));
            }
        }
    }

    /// <summary>The default bands: [0,20) Initial · [20,40) Developing · [40,60) Defined · [60,80) Managed · [80,100] Leading.</summary>
    public static MaturityBands Default { get; } = new(
    [
        new("Initial", 0m),
        new("Developing", 20m),
        new("Defined", 40m),
        new("Managed", 60m),
        new("Leading", 80m),
    ]);

    /// <summary>The bands from lowest to highest.</summary>
    public IReadOnlyList<MaturityBand> All => _ascending;

    /// <summary>The band of a score, decided on its displayed value (<see cref="ScoreDisplay.Round(decimal)"/>).</summary>
    public MaturityBand BandOf(decimal score)
    {
        var shown = ScoreDisplay.Round(score);
        var band = _ascending[0];
        foreach (var candidate in _ascending)
        {
            if (candidate.LowerBound <= shown)
            {
                band = candidate;
            }
        }

        return band;
    }
}
