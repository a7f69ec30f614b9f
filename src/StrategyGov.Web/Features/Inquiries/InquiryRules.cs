namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// What makes an inquiry's details valid, for the form, the Excel import and (later) the API alike. Each
/// problem names its field, so that the import can name the column.
/// </summary>
public static class InquiryRules
{
    public const int MaxExternalId = 100;
    public const int MaxOutlet = 200;
    public const int MaxRequester = 200;
    public const int MaxUrl = 1000;
    public const int MaxTopic = 300;
    public const int MaxDetails = 4000;
    public const int MaxNote = 2000;
    public const int MaxResponse = 8000;

    /// <summary>Clocks of the people typing and of the server differ a little: a time this far ahead still counts as now.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The earliest time the log accepts (older records are not inquiries to measure).</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<InquiryProblem> Check(
        InquiryForm form,
        DateTime receivedUtc,
        DateTime? deadlineUtc,
        DateTime nowUtc,
        IReadOnlySet<string> pillarCodes,
        IReadOnlySet<string> assigneeIds)
    {
        if (form.ExternalId is { } externalId && (externalId.Length > MaxExternalId || externalId.Any(char.IsControl)))
        {
            yield return new InquiryProblem(InquiryField.ExternalId, "Inquiry_ExternalIdInvalid", MaxExternalId);
        }

        if (!Enum.IsDefined(form.Kind))
        {
            yield return new InquiryProblem(InquiryField.Kind, "Inquiry_KindUnknown", form.Kind.ToString());
        }

        if (!Enum.IsDefined(form.Channel))
        {
            yield return new InquiryProblem(InquiryField.Channel, "Inquiry_ChannelUnknown", form.Channel.ToString());
        }

        foreach (var problem in Text(InquiryField.Outlet, form.Outlet, MaxOutlet, required: true)
                     .Concat(Text(InquiryField.Topic, form.Topic, MaxTopic, required: true))
                     .Concat(Text(InquiryField.Requester, form.Requester, MaxRequester, required: false))
                     .Concat(Text(InquiryField.Details, form.Details, MaxDetails, required: false)))
        {
            yield return problem;
        }

        if (InquiryText.Clean(form.SourceUrl) is { } url
            && (url.Length > MaxUrl || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new InquiryProblem(InquiryField.SourceUrl, "Inquiry_UrlInvalid");
        }

        if (receivedUtc > nowUtc + FutureTolerance)
        {
            yield return new InquiryProblem(InquiryField.ReceivedAt, "Inquiry_ReceivedInFuture");
        }
        else if (receivedUtc < Earliest)
        {
            yield return new InquiryProblem(InquiryField.ReceivedAt, "Inquiry_ReceivedTooOld");
        }

        if (deadlineUtc is { } deadline && deadline <= receivedUtc)
        {
            yield return new InquiryProblem(InquiryField.RequesterDeadline, "Inquiry_DeadlineBeforeReceived");
        }

        if (InquiryText.Clean(form.PillarCode) is { } pillar && !pillarCodes.Contains(pillar))
        {
            yield return new InquiryProblem(InquiryField.Pillar, "Inquiry_PillarUnknown", pillar);
        }

        if (InquiryText.Clean(form.AssignedToId) is { } assignee && !assigneeIds.Contains(assignee))
        {
            yield return new InquiryProblem(InquiryField.AssignedTo, "Inquiry_AssigneeUnknown");
        }
    }

    private static IEnumerable<InquiryProblem> Text(InquiryField field, string? text, int max, bool required)
    {
        var clean = InquiryText.Clean(text);
        if (clean is null && required)
        {
            yield return new InquiryProblem(field, "Inquiry_Required");
        }
        else if (clean is not null && clean.Length > max)
        {
            yield return new InquiryProblem(field, "Inquiry_TooLong", max);
        }
    }
}
