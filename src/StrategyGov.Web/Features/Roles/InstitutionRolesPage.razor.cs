using Microsoft.AspNetCore.Components;
using MudBlazor;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

/// <summary>An institution's role register: its director keeps it, its contributors and the center read it.</summary>
public partial class InstitutionRolesPage
{
    private InstitutionRoles? _roles;
    private string? _error;
    private string? _message;
    private AssignmentForm? _form;
    private AssignmentView? _ending;
    private string? _endsOn;

    [Inject] private RoleAssignmentService Assignments { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The institution (route); the actor's own institution on /roles/mine.</summary>
    [Parameter] public int? Id { get; set; }

    [CascadingParameter] private Actor? Actor { get; set; }

    private int Gaps => _roles!.Slots.Count(s => s.IsGap);

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _error = await LoadAsync(async ct => _roles = await Assignments.GetInstitutionAsync(Actor, Id ?? Actor.InstitutionId ?? 0, ct));
    }

    private void StartAssign(RoleInfo role)
    {
        CloseForms();
        _form = AssignmentForm.New(role.Id, _roles!.Today);
    }

    private void StartEdit(AssignmentView assignment)
    {
        CloseForms();
        _form = AssignmentForm.From(assignment);
    }

    private void StartEnd(AssignmentView assignment)
    {
        CloseForms();
        _ending = assignment;
        _endsOn = DateText.Input(_roles!.Today);
    }

    private void CloseForms()
    {
        _form = null;
        _ending = null;
        _message = null;
    }

    private Task SaveAsync(AssignmentForm form) => ActAsync(ct => form.AssignmentId is { } id
        ? Assignments.UpdateAsync(Actor!, id, form.ToInput(), ct)
        : Assignments.AddAsync(Actor!, _roles!.Institution.Id, form.ToInput(), ct));

    private Task EndAsync() => ActAsync(ct => DateText.Parse(_endsOn) is { } lastDay
        ? Assignments.EndAsync(Actor!, _ending!.Id, lastDay, ct)
        : throw new RuleViolationException("Roles_EndRequired"));

    private Task ConfirmAsync(AssignmentView assignment) =>
        ActAsync(ct => Assignments.ConfirmAsync(Actor!, assignment.Id, ct));

    private async Task ActAsync(Func<CancellationToken, Task> action)
    {
        _message = await ChangeAsync(action);
        if (_message is null)
        {
            CloseForms();
            Snackbar.Add(L["Saved"], Severity.Success);
            await ReloadAsync();
        }
    }
}
