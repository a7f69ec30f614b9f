using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;

namespace StrategyGov.Data.Seeding;

// The shapes of the JSON files in seed-data/. Property names follow the files (camelCase). StrategySeed is
// also the framework export/import format (Features/Framework/FrameworkTransfer): a parameter without a
// default is required in an imported file.

public sealed record StrategySeed(
    string Code,
    int Version,
    string NameAr,
    string NameEn,
    string? VisionAr,
    string? VisionEn,
    string? MissionAr,
    string? MissionEn,
    IReadOnlyList<BandSeed> Bands,
    IReadOnlyList<PillarSeed> Pillars);

/// <summary>A maturity band; <see cref="Color"/> (<c>#rrggbb</c>) may be left out of an older file: the standard colour of the code is used.</summary>
public sealed record BandSeed(string Code, decimal LowerBound, string NameAr, string NameEn, string? Color = null);

public sealed record PillarSeed(
    string Code,
    string NameAr,
    string NameEn,
    string? DescriptionAr,
    string? DescriptionEn,
    decimal Weight,
    IReadOnlyList<PracticeSeed> Practices);

public sealed record PracticeSeed(string Code, string NameAr, string NameEn, decimal Weight, IReadOnlyList<IndicatorSeed> Indicators);

public sealed record IndicatorSeed(
    string Code,
    string TextAr,
    string TextEn,
    string? GuidanceAr,
    string? GuidanceEn,
    decimal Weight,
    MeasurementType Type,
    EvidenceSeed? Evidence,
    IReadOnlyList<string>? AppliesTo,
    IndicatorFrequency Frequency,
    IReadOnlyList<MaturityLevelSeed>? MaturityLevels = null,
    decimal? Baseline = null,
    decimal? Target = null,
    string? UnitAr = null,
    string? UnitEn = null,
    string? ComputedFrom = null);

public sealed record EvidenceSeed(bool Required, int MinItems);

public sealed record MaturityLevelSeed(int Level, string DescriptorAr, string DescriptorEn);

public sealed record InstitutionTypeSeed(string Code, string NameAr, string NameEn, int Order);

public sealed record InstitutionSeed(string Code, string NameAr, string NameEn, string Type, string? Parent, bool Active = true);

public sealed record PeriodSeed(
    string Code,
    string Strategy,
    int StrategyVersion,
    DateOnly OpensOn,
    DateOnly DueOn,
    DateOnly ClosesOn,
    PeriodStatus Status,
    bool DemoActivity = false);

/// <summary>Everything read from seed-data/.</summary>
public sealed record SeedDataSet(
    StrategySeed Strategy,
    IReadOnlyList<InstitutionTypeSeed> InstitutionTypes,
    IReadOnlyList<InstitutionSeed> Institutions,
    IReadOnlyList<PeriodSeed> Periods);
