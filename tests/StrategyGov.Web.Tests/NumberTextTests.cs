using StrategyGov.Web.Features.Shared;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Numbers as Arabic and English users type them (docs/decisions/0100): every digit system and separator
/// they use is read as meant, and anything ambiguous or out of range is refused with its reason, never
/// guessed (the answer form saved "12,5" as 125, "1e309" as 1309 and "-3" as 0).
/// </summary>
public sealed class NumberTextTests
{
    [Theory]
    [InlineData("45", "45")]
    [InlineData("٤٥", "45")]
    [InlineData("١٢٫٥", "12.5")]
    [InlineData("۱۲٫۵", "12.5")]
    [InlineData("12.5", "12.5")]
    [InlineData("1,250", "1250")]
    [InlineData("1,250,000.75", "1250000.75")]
    [InlineData("١٬٢٥٠", "1250")]
    [InlineData("50%", "50")]
    [InlineData("٥٠٪", "50")]
    [InlineData(" \u200F12 ", "12")]
    [InlineData("-3", "-3")]
    [InlineData("\u22123", "-3")]
    [InlineData("+7", "7")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("999999999999.999999", "999999999999.999999")]
    public void TryParse_WhatPeopleType_IsTheNumberMeant(string typed, string expected)
    {
        var ok = NumberText.TryParse(typed, out var value, out var problem);

        Assert.True(ok, problem);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("12,5", "Number_DecimalComma")]
    [InlineData("1,25", "Number_DecimalComma")]
    [InlineData("1٬25", "Number_DecimalComma")]
    [InlineData("1,2345", "Number_DecimalComma")]
    [InlineData("12.5,3", "Number_DecimalComma")]
    [InlineData("1e309", "Number_Exponent")]
    [InlineData("2E5", "Number_Exponent")]
    [InlineData("12.5.3", "Number_NotANumber")]
    [InlineData("abc", "Number_NotANumber")]
    [InlineData("خمسون", "Number_NotANumber")]
    [InlineData("-", "Number_NotANumber")]
    [InlineData(".", "Number_NotANumber")]
    [InlineData("1 2", "Number_NotANumber")]
    [InlineData("1000000000000", "Number_TooLarge")]
    [InlineData("0.1234567", "Number_TooPrecise")]
    public void TryParse_AmbiguousOrOutOfRange_IsRefusedWithItsReason(string typed, string expected)
    {
        var ok = NumberText.TryParse(typed, out var value, out var problem);

        Assert.False(ok);
        Assert.Null(value);
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_Nothing_IsValidWithoutAValue(string? typed)
    {
        Assert.True(NumberText.TryParse(typed, out var value, out var problem));
        Assert.Null(value);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("12.5000", "12.5")]
    [InlineData("100", "100")]
    [InlineData("0.000001", "0.000001")]
    public void Format_StoredValue_WithoutTrailingZeros(string stored, string shown) =>
        Assert.Equal(shown, NumberText.Format(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("1000000000000", "Number_TooLarge")]
    [InlineData("1.0000001", "Number_TooPrecise")]
    [InlineData("1.5000000", null)]
    [InlineData("-999999999999.5", null)]
    public void CheckStorable_WhatNumeric18_6HoldsExactly(string value, string? problem) =>
        Assert.Equal(problem, NumberText.CheckStorable(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
