using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace StrategyGov.Data;

/// <summary>
/// Every stored time is UTC. SQLite hands times back without a kind; PostgreSQL's timestamptz refuses a
/// non-UTC kind. This converter makes both behave the same.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
