using StrategyGov.Web.Features.Shared;

namespace StrategyGov.Web.Features.Roles;

/// <summary>The editable fields of an assignment as the form holds them (dates as the text of date inputs).</summary>
public sealed class AssignmentForm
{
    public int? AssignmentId { get; init; }

    public int RoleId { get; init; }

    public string? PersonName { get; set; }

    public string? PersonTitle { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? DeputyName { get; set; }

    public string? DeputyEmail { get; set; }

    public string? DeputyPhone { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public static AssignmentForm New(int roleId, DateOnly today) => new() { RoleId = roleId, StartsOn = DateText.Input(today) };

    public static AssignmentForm From(AssignmentView a) => new()
    {
        AssignmentId = a.Id,
        RoleId = a.RoleId,
        PersonName = a.PersonName,
        PersonTitle = a.PersonTitle,
        Email = a.Email,
        Phone = a.Phone,
        DeputyName = a.DeputyName,
        DeputyEmail = a.DeputyEmail,
        DeputyPhone = a.DeputyPhone,
        StartsOn = DateText.Input(a.StartsOn),
        EndsOn = DateText.Input(a.EndsOn),
    };

    public AssignmentInput ToInput() => new(
        RoleId, PersonName, PersonTitle, Email, Phone, DeputyName, DeputyEmail, DeputyPhone, DateText.Parse(StartsOn), DateText.Parse(EndsOn));
}
