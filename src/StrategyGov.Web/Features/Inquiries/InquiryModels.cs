using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>What the log is filtered by; null means any. Dates are days of the platform's time zone (received on).</summary>
public sealed record InquiryFilter(
    int? InstitutionId = null,
    string? Search = null,
    InquiryKind? Kind = null,
    InquiryStatus? Status = null,
    bool OpenOnly = false,
    bool OverdueOnly = false,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 0,
    int PageSize = 50);

/// <summary>One line of the log.</summary>
public sealed record InquiryRow(
    int Id,
    int InstitutionId,
    string InstitutionCode,
    string InstitutionNameAr,
    string InstitutionNameEn,
    string? ExternalId,
    InquiryKind Kind,
    InquiryChannel Channel,
    string Outlet,
    string Topic,
    DateTime ReceivedAt,
    InquiryStatus Status,
    string? AssignedToName,
    DateTime? RequesterDeadline,
    TimerView FirstResponse,
    TimerView Answer,
    bool Referred)
{
    /// <summary>The journalist's deadline has passed without an answer, or the answer came after it.</summary>
    public bool RequesterDeadlineMissed(DateTime now) =>
        RequesterDeadline is { } deadline && (Answer.IsDone ? AnsweredAt > deadline : now > deadline);

    /// <summary>When it was answered (the answer timer's end), if it was.</summary>
    public DateTime? AnsweredAt { get; init; }
}

public sealed record InquiryList(IReadOnlyList<InquiryRow> Rows, int Total, int Page, int PageSize);

/// <summary>An inquiry's details as entered by the institution; times are local times of the platform's time zone.</summary>
public sealed class InquiryForm
{
    public string? ExternalId { get; set; }

    public InquiryKind Kind { get; set; } = InquiryKind.MediaInquiry;

    public InquiryChannel Channel { get; set; } = InquiryChannel.Newspaper;

    public string Outlet { get; set; } = string.Empty;

    public string? Requester { get; set; }

    public string? SourceUrl { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string Topic { get; set; } = string.Empty;

    public string? Details { get; set; }

    public string? PillarCode { get; set; }

    public DateTime? RequesterDeadline { get; set; }

    public string? AssignedToId { get; set; }
}

/// <summary>A field of an inquiry a rule refused (the Excel import turns it into a column).</summary>
public enum InquiryField
{
    ExternalId,
    Kind,
    Channel,
    Outlet,
    Requester,
    SourceUrl,
    ReceivedAt,
    Topic,
    Details,
    Pillar,
    RequesterDeadline,
    AssignedTo,
    FirstResponseAt,
    AnsweredAt,
    ResponseText,
    ClosedAt,
    ReferredTo,
}

public sealed record InquiryProblem(InquiryField Field, string MessageKey, params object[] Arguments);

/// <summary>What a user does to an inquiry; each moves its status and its clocks (ADR 0098).</summary>
public enum InquiryActionKind
{
    /// <summary>First reply sent (acknowledgement, holding line): New → In progress.</summary>
    FirstResponse,

    /// <summary>Waiting on the requester (a clarification, a document): the clock pauses.</summary>
    WaitOnRequester,

    /// <summary>The requester came back: the clock runs again.</summary>
    Resume,

    /// <summary>Referred to another institution: the clock keeps running until the requester is answered.</summary>
    Refer,

    /// <summary>The substantive answer was sent (text or document): both clocks stop.</summary>
    Answer,

    /// <summary>Closed after the answer.</summary>
    Close,
}

/// <summary>One action, at a local time of the platform's time zone (now by default, or earlier when recorded afterwards).</summary>
public sealed record InquiryAction(
    InquiryActionKind Kind,
    DateTime At,
    string? Text,
    int Version,
    int? ReferToInstitutionId = null,
    string? ReferToName = null);

/// <summary>A document attached to an answer.</summary>
public sealed record InquiryAttachment(Stream Content, string FileName);

public sealed record PauseView(DateTime StartedAt, DateTime? EndedAt, string? Note, int WorkingMinutes);

public sealed record InquiryDetail(
    InquiryRow Row,
    string? Requester,
    string? SourceUrl,
    string? Details,
    string? PillarCode,
    string? PillarNameAr,
    string? PillarNameEn,
    string? AssignedToId,
    DateTime? FirstResponseAt,
    string? FirstResponseNote,
    DateTime? AnsweredAt,
    string? ResponseText,
    string? ResponseFileName,
    long? ResponseFileSize,
    DateTime? ClosedAt,
    string? ClosingNote,
    DateTime? ReferredAt,
    string? ReferredToNameAr,
    string? ReferredToNameEn,
    string? ReferralNote,
    string? ReferredFromNameAr,
    string? ReferredFromNameEn,
    IReadOnlyList<PauseView> Pauses,
    int? AnswerElapsedMinutes,
    DateTime CreatedAt,
    string? CreatedByName,
    int Version,
    bool CanAct,
    bool CanDelete,
    IReadOnlyList<InquiryActionKind> Actions);

/// <summary>A user an inquiry can be assigned to (a director or contributor of the institution).</summary>
public sealed record AssigneeOption(string Id, string Name);

/// <summary>What the log's forms choose from.</summary>
public sealed record InquiryLookups(
    IReadOnlyList<AssigneeOption> Assignees,
    IReadOnlyList<PillarOption> Pillars,
    IReadOnlyList<InstitutionOption> Institutions);

public sealed record PillarOption(string Code, string NameAr, string NameEn);

public sealed record InstitutionOption(int Id, string Code, string NameAr, string NameEn, string TypeCode);

/// <summary>One reason an Excel import was refused; nothing is imported while there is any.</summary>
public sealed record InquirySheetError(string Sheet, int Row, string Column, string MessageKey, params object[] Arguments);

/// <summary>
/// What an import did or, on a dry run, would do: counts, every error (then nothing is written) and, row by
/// row, the inquiries created and those changed with each changed field.
/// </summary>
public sealed record InquiryImportResult(int Created, int Updated, IReadOnlyList<InquirySheetError> Errors, IReadOnlyList<InquiryChange>? Changes = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>One cell of an inquiry row, whatever carried it: what the sender wrote and, from a workbook, the time a date cell holds.</summary>
public sealed record InquiryCell(string? Text, DateTime? Time = null)
{
    public static readonly InquiryCell Empty = new(Text: null);
}

/// <summary>One row as sent: its number as the sender counts it (sheet row, CSV line, JSON item) and its cells by field, each with the header the sender wrote.</summary>
public sealed record InquiryInputRow(int Number, IReadOnlyDictionary<InquiryField, (string Header, InquiryCell Cell)> Cells);

/// <summary>
/// Rows to import: <see cref="Source"/> names the sheet, file or JSON array in errors, <see cref="Label"/> a
/// field a row does not hold; <see cref="Errors"/> are the header's (nothing is imported while there is any).
/// </summary>
public sealed record InquiryRows(string Source, IReadOnlyList<InquiryInputRow> Rows, IReadOnlyList<InquirySheetError> Errors, Func<InquiryField, string> Label);

public enum InquiryChangeKind
{
    Created,
    Updated,
}

/// <summary>A row that creates an inquiry (its id once saved) or changes one (each field as stored before and after).</summary>
public sealed record InquiryChange(int Row, string ExternalId, InquiryChangeKind Kind, int? Id, IReadOnlyList<InquiryFieldChange> Fields);

/// <summary>A stored field before and after, as text: UTC times (ISO 8601), enumerations by English name.</summary>
public sealed record InquiryFieldChange(string Field, string? Before, string? After);
