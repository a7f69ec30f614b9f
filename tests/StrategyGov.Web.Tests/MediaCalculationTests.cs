using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Media;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Media.Journalists;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The media calculations behind computed indicators (ADR 0096, ADR 0099) and the pure rules they rest on,
/// as functions over plain records, checked against values worked out by hand.
/// </summary>
public sealed class MediaCalculationTests
{
    private static readonly DateOnly From = new(2026, 10, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    private static InteractionFact Interaction(int id, InteractionKind kind, DateOnly on, int journalists = 1, int outlets = 0, string? official = "الوكيل") =>
        new(id, 9, kind, on, $"موضوع {id}", journalists, outlets, official);

    [Fact]
    public void PressConferences_ConferencesAndBriefingsInTheWindowWithTheMedia_Count()
    {
        var interactions = new[]
        {
            Interaction(1, InteractionKind.PressConference, new(2026, 10, 1)),              // first day: counts
            Interaction(2, InteractionKind.Briefing, new(2026, 12, 31), journalists: 0, outlets: 2), // last day, outlets only: counts
            Interaction(3, InteractionKind.PressConference, new(2026, 11, 5), journalists: 0), // nobody from the media recorded: listed, not counted
            Interaction(4, InteractionKind.PressConference, new(2026, 9, 30)),              // the day before: outside
            Interaction(5, InteractionKind.Meeting, new(2026, 11, 1)),                      // a meeting is not a conference
            Interaction(6, InteractionKind.PressRelease, new(2026, 11, 2)),
        };

        var result = PressConferencesComputedSource.Calculate(interactions, From, To);

        Assert.Equal(2m, result.Value);
        Assert.Equal(2, result.Numerator);
        Assert.Equal(["1", "3", "2"], result.Records.Select(r => r.Id));
        Assert.Equal([true, false, true], result.Records.Select(r => r.Counts));
        Assert.Equal("مؤتمر صحفي: موضوع 1", result.Records[0].LabelAr);
        Assert.EndsWith("no media recorded", result.Records[1].LabelEn, StringComparison.Ordinal);
        Assert.Equal("Press briefing: موضوع 2", result.Records[2].LabelEn);
        Assert.Equal("/media/interactions#interaction-1", result.Records[0].Url);
    }

    [Fact]
    public void PressConferences_NoneInTheWindow_IsZeroNotNotApplicable()
    {
        var result = PressConferencesComputedSource.Calculate([Interaction(1, InteractionKind.PressConference, new(2027, 1, 1))], From, To);

        Assert.Equal(0m, result.Value);
        Assert.Null(result.NotApplicableReason);
        Assert.Empty(result.Records);
    }

    [Theory]
    [InlineData(2, "الوكيل", true)]
    [InlineData(0, "الوكيل", false)]   // no journalist
    [InlineData(3, null, false)]       // no senior official
    [InlineData(3, "  ", false)]       // a blank name is no name
    public void BackgroundMeetings_CountWithAJournalistAndASeniorOfficial(int journalists, string? official, bool counts)
    {
        var interactions = new[]
        {
            Interaction(1, InteractionKind.Meeting, new(2026, 11, 3), journalists, official: official),
            Interaction(2, InteractionKind.PressConference, new(2026, 11, 4)), // never a background meeting
        };

        var result = BackgroundMeetingsComputedSource.Calculate(interactions, From, To);

        Assert.Equal(counts ? 1m : 0m, result.Value);
        Assert.Equal([counts], result.Records.Select(r => r.Counts));
    }

    private static CampaignFact Campaign(int id, DateOnly? launched, bool planned = true, DateOnly? completed = null, DateOnly? evaluated = null, bool metAll = false) =>
        new(id, $"حملة {id}", $"Campaign {id}", launched, planned, completed, evaluated, metAll);

    [Fact]
    public void CampaignsWithPlan_TwoOfThreeLaunchedInTheWindowPlanned_Is66_67()
    {
        var campaigns = new[]
        {
            Campaign(1, new(2026, 10, 1)),
            Campaign(2, new(2026, 12, 31)),
            Campaign(3, new(2026, 11, 15), planned: false),
            Campaign(4, new(2026, 9, 30)),              // launched the quarter before
            Campaign(5, null),                          // a draft, never launched
        };

        var result = CampaignsWithPlanComputedSource.Calculate(campaigns, From, To);

        // 2 of 3 = 66.666… → 66.67 (two decimals, half away from zero).
        Assert.Equal(66.67m, result.Value);
        Assert.Equal((2, 3), (result.Numerator, result.Denominator));
        Assert.Equal(["1", "3", "2"], result.Records.Select(r => r.Id));
        Assert.Equal("/media/campaigns/3", result.Records[1].Url);
        Assert.EndsWith("no complete plan at launch", result.Records[1].LabelEn, StringComparison.Ordinal);
    }

    [Fact]
    public void CampaignsWithPlan_NoneLaunched_IsNotApplicableWithItsReason()
    {
        var result = CampaignsWithPlanComputedSource.Calculate([Campaign(1, null)], From, To);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoCampaignsLaunched", result.NotApplicableReason);
    }

    [Fact]
    public void CampaignsEvaluated_EvaluatedOnOrBeforeTheDayRead_Count()
    {
        var asOf = new DateOnly(2026, 12, 7);
        var campaigns = new[]
        {
            Campaign(1, new(2026, 8, 1), completed: new(2026, 10, 20), evaluated: new(2026, 11, 1)),
            Campaign(2, new(2026, 10, 2), completed: new(2026, 11, 30), evaluated: asOf),          // on the day read: counts
            Campaign(3, new(2026, 10, 2), completed: new(2026, 12, 1)),                            // completed, not evaluated
            Campaign(4, new(2026, 10, 2), completed: new(2026, 12, 2), evaluated: new(2026, 12, 8)), // evaluated after the day read
            Campaign(5, new(2026, 7, 1), completed: new(2026, 9, 29), evaluated: new(2026, 10, 3)), // completed the quarter before
            Campaign(6, new(2026, 11, 1)),                                                         // still running
        };

        var result = CampaignsEvaluatedComputedSource.Calculate(campaigns, From, To, asOf);

        Assert.Equal(50m, result.Value);
        Assert.Equal((2, 4), (result.Numerator, result.Denominator));
        Assert.Equal([true, true, false, false], result.Records.Select(r => r.Counts));
    }

    [Fact]
    public void CampaignsEvaluated_NoneCompleted_IsNotApplicable()
    {
        var result = CampaignsEvaluatedComputedSource.Calculate([Campaign(1, new(2026, 11, 1))], From, To, To);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoCampaignsCompleted", result.NotApplicableReason);
    }

    [Fact]
    public void CampaignsMetObjectives_OneOfThreeEvaluatedMetAll_Is33_33()
    {
        var campaigns = new[]
        {
            Campaign(1, new(2026, 8, 1), completed: new(2026, 10, 20), evaluated: new(2026, 11, 1), metAll: true),
            Campaign(2, new(2026, 8, 1), completed: new(2026, 11, 20), evaluated: new(2026, 11, 25)),
            Campaign(3, new(2026, 8, 1), completed: new(2026, 12, 20), evaluated: new(2026, 12, 30)),
            Campaign(4, new(2026, 8, 1), completed: new(2026, 12, 21), metAll: true), // not evaluated: outside the share
        };

        var result = CampaignsMetObjectivesComputedSource.Calculate(campaigns, From, To, To);

        Assert.Equal(33.33m, result.Value);
        Assert.Equal((1, 3), (result.Numerator, result.Denominator));
    }

    [Fact]
    public void CampaignsMetObjectives_NoneEvaluated_IsNotApplicable()
    {
        var result = CampaignsMetObjectivesComputedSource.Calculate([Campaign(1, new(2026, 8, 1), completed: new(2026, 10, 20))], From, To, To);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoCampaignsEvaluated", result.NotApplicableReason);
    }

    [Theory]
    [InlineData(60d, 61d, true, true)]
    [InlineData(60d, 60d, true, true)]       // exactly the target
    [InlineData(60d, 59.9d, true, false)]
    [InlineData(3000d, 2900d, false, true)]  // lower is better: below the target
    [InlineData(3000d, 3100d, false, false)]
    public void Met_ComparesTheResultWithTheTargetInItsDirection(double target, double result, bool higherIsBetter, bool met)
    {
        Assert.Equal(met, CampaignRules.Met((decimal)target, (decimal)result, higherIsBetter));
    }

    [Fact]
    public void Met_WithoutATargetOrAResult_IsUnknown()
    {
        Assert.Null(CampaignRules.Met(null, 5m, true));
        Assert.Null(CampaignRules.Met(5m, null, true));
    }

    [Theory]
    [InlineData("رفع نسبة التطعيم", "النسبة", 60, 1, true)]
    [InlineData("رفع نسبة التطعيم", null, 60, 1, false)]     // no metric
    [InlineData("رفع نسبة التطعيم", "النسبة", null, 1, false)] // no target
    [InlineData("رفع نسبة التطعيم", "النسبة", 60, 0, false)]   // no audience named
    public void PlanComplete_NeedsMeasurableObjectivesAndAnAudience(string statement, string? metric, int? target, int audiences, bool complete)
    {
        var objectives = new List<(string?, string?, decimal?)> { (statement, metric, target) };

        Assert.Equal(complete, CampaignRules.IsPlanComplete(objectives, audiences));
    }

    [Fact]
    public void PlanComplete_NoObjectiveOrOneUnmeasurable_IsIncomplete()
    {
        Assert.False(CampaignRules.IsPlanComplete([], 1));
        Assert.False(CampaignRules.IsPlanComplete([("أ", "م", 1m), ("ب", null, null)], 1));
    }

    [Fact]
    public void EvaluationComplete_EveryObjectiveHasAResult()
    {
        Assert.True(CampaignRules.IsEvaluationComplete([1m, 0m]));
        Assert.False(CampaignRules.IsEvaluationComplete([1m, null]));
        Assert.False(CampaignRules.IsEvaluationComplete([]));
    }

    [Theory]
    [InlineData("فهد بن عبدالله العتيبي", "فهد عبدالله العتيبي")]
    [InlineData("فَهْد بن عبد الله العتيبى", "فهد عبدالله العتيبي")]   // diacritics, "عبد الله", alef maqsura
    [InlineData("مريم بنت خلفان الشكيلية", "مريم خلفان الشكيليه")]
    [InlineData("أحمد  إبراهيم آل ـــسعيد", "احمد ابراهيم ال سعيد")]    // hamza forms, tatweel, double space
    [InlineData("Sarah  THOMPSON", "sarah thompson")]
    public void NameKey_WritesTheSameNameTheSameWay(string name, string key)
    {
        Assert.Equal(key, MediaNames.Key(name));
    }

    [Theory]
    [InlineData("فهد عبدالله العتيبي", "فهد العتيبي", true)]
    [InlineData("فهد عبدالله العتيبي", "فهد عبدالله الغامدي", false)]
    [InlineData("فهد", "فهد", false)]   // one word says too little
    public void PossiblySame_SameFirstAndLastNames(string a, string b, bool same)
    {
        Assert.Equal(same, MediaNames.PossiblySame(MediaNames.Key(a), MediaNames.Key(b)));
    }

    [Theory]
    [InlineData("١٢٠٠٠٠", 120000L)]
    [InlineData("۴۵۰۰۰", 45000L)]       // Eastern Arabic-Indic (Persian) digits
    [InlineData("1,200,000", 1200000L)]
    [InlineData("١٬٢٠٠", 1200L)]        // Arabic thousands separator
    [InlineData("", null)]
    public void Count_AnyDigits_AreReadAsTheNumber(string text, long? expected)
    {
        Assert.True(MediaInput.TryCount(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("2.5")]
    [InlineData("كثير")]
    [InlineData("12a")]
    public void Count_NotAWholeNonNegativeNumber_IsRefused(string text)
    {
        Assert.False(MediaInput.TryCount(text, out _));
    }

    [Theory]
    [InlineData("٤٢٫٥", 42.5)]
    [InlineData(" 60 ", 60d)]
    public void Decimal_ArabicDecimalSeparator_IsAPoint(string text, double expected)
    {
        Assert.True(MediaInput.TryDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void Date_ArabicIndicDigits_AreReadAsADay()
    {
        Assert.True(MediaInput.TryDate("٢٠٢٦-١٢-٠١", out var day));
        Assert.Equal(new DateOnly(2026, 12, 1), day);
        Assert.False(MediaInput.TryDate("01/12/2026", out _));
    }

    [Theory]
    [InlineData("+968 9123 4501", true)]
    [InlineData("+٩٦٨ ٩١٢٣ ٤٥٠١", true)]
    [InlineData("0500", false)]          // too few digits
    [InlineData("call me", false)]
    public void Phone_DigitsOfAnyScript(string phone, bool valid)
    {
        Assert.Equal(valid, MediaInput.IsPhone(phone));
    }

    [Theory]
    [InlineData("s.albusaidi@watan.example", true)]
    [InlineData("not-an-address", false)]
    [InlineData("a@b", false)]
    public void Email_IsAnAddress(string email, bool valid)
    {
        Assert.Equal(valid, MediaInput.IsEmail(email));
    }

    [Fact]
    public void InteractionRules_FutureDateOrMeetingWithoutJournalist_AreRefusedWithTheirMessage()
    {
        var today = new DateOnly(2026, 12, 7);
        var meeting = new InteractionForm { Kind = InteractionKind.Meeting, Topic = "لقاء", OccurredOn = today, OutletIds = [1] };
        var future = new InteractionForm { Kind = InteractionKind.PressRelease, Topic = "بيان", OccurredOn = today.AddDays(1) };
        var release = new InteractionForm { Kind = InteractionKind.PressRelease, Topic = "بيان", OccurredOn = today };

        Assert.Equal("Media_MeetingNeedsJournalist", InteractionRules.Check(meeting, today)?.Key);
        Assert.Equal("Media_InteractionInFuture", InteractionRules.Check(future, today)?.Key);
        Assert.Null(InteractionRules.Check(release, today));
    }

    [Fact]
    public void Accreditation_ExpiredTheDayBefore_IsExpired()
    {
        var today = new DateOnly(2026, 12, 7);

        Assert.Equal(AccreditationState.Valid, RegisterRules.Accreditation("ACC-1", today, today));
        Assert.Equal(AccreditationState.Expired, RegisterRules.Accreditation("ACC-1", today.AddDays(-1), today));
        Assert.Equal(AccreditationState.Valid, RegisterRules.Accreditation("ACC-1", null, today));
        Assert.Equal(AccreditationState.None, RegisterRules.Accreditation(null, today, today));
    }
}
