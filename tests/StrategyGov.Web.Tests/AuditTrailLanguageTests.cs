using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Audit;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The audit trail in Arabic shows no stored English (docs/decisions/0101): every audited entity, every audited
/// field and every value of an audited enum has its label. The model is walked rather than listed, so that a new
/// audited field without its labels fails here.
/// </summary>
public sealed class AuditTrailLanguageTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    [Fact]
    public async Task AuditTrail_EveryAuditedEntityFieldAndEnumValue_ReadsInArabic()
    {
        var localizer = app.Service<IStringLocalizer<SharedResource>>();
        await using var db = await app.DbAsync();
        var audited = db.Model.GetEntityTypes()
            .Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType) && !e.IsOwned())
            .ToList();
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Bilingual.CreateCulture(Bilingual.Arabic);
        var missing = new List<string>();
        try
        {
            foreach (var entity in audited)
            {
                var name = entity.ClrType.Name;
                if (AuditText.Entity(localizer, name) == name)
                {
                    missing.Add($"AuditEntity_{name}");
                }

                foreach (var property in entity.GetProperties().Where(p => IsAudited(p.Name, p.PropertyInfo)))
                {
                    if (AuditText.Field(localizer, property.Name) == property.Name)
                    {
                        missing.Add($"AuditField_{property.Name}");
                    }

                    var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    if (enumType.IsEnum)
                    {
                        missing.AddRange(Enum.GetNames(enumType)
                            .Where(value => AuditText.Value(localizer, name, property.Name, value) == value)
                            .Select(value => $"{name}.{property.Name} = {value} ({enumType.Name})"));
                    }
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        Assert.True(audited.Count > 30, $"only {audited.Count} audited entity types found");
        Assert.True(missing.Count == 0, "Without an Arabic label: " + string.Join(", ", missing.Distinct().Order(StringComparer.Ordinal)));
    }

    private static bool IsAudited(string name, PropertyInfo? property) =>
        !Secret.Contains(name) && property?.GetCustomAttribute<NotAuditedAttribute>() is null;
}
