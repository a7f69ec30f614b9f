using StrategyGov.Data.Media;

namespace StrategyGov.Web.Features.Media.Journalists;

/// <summary>The rules a register entry must meet, shared by the forms and the Excel import. Pure.</summary>
public static class RegisterRules
{
    public static IReadOnlyList<RegisterProblem> Check(JournalistForm form)
    {
        var problems = new List<RegisterProblem>();
        Name(problems, RegisterField.NameAr, form.NameAr, required: true);
        Name(problems, RegisterField.NameEn, form.NameEn, required: false);
        Length(problems, RegisterField.Position, form.Position);
        if (!MediaInput.IsEmail(form.Email))
        {
            problems.Add(new RegisterProblem(RegisterField.Email, "Media_EmailInvalid", form.Email ?? string.Empty));
        }

        if (!MediaInput.IsPhone(form.Phone))
        {
            problems.Add(new RegisterProblem(RegisterField.Phone, "Media_PhoneInvalid", form.Phone ?? string.Empty));
        }

        if (MediaInput.Clean(form.Handle) is { } handle && (handle.Length > 100 || handle.Any(char.IsWhiteSpace)))
        {
            problems.Add(new RegisterProblem(RegisterField.Handle, "Media_HandleInvalid", handle));
        }

        if (form.Languages.Count == 0)
        {
            problems.Add(new RegisterProblem(RegisterField.Languages, "Media_LanguagesRequired"));
        }

        if (MediaInput.Clean(form.AccreditationNumber) is { Length: > 64 })
        {
            problems.Add(new RegisterProblem(RegisterField.AccreditationNumber, "Media_TooLong", 64));
        }

        if (form.AccreditedUntil is not null && MediaInput.Clean(form.AccreditationNumber) is null)
        {
            problems.Add(new RegisterProblem(RegisterField.AccreditationNumber, "Media_AccreditationNumberRequired"));
        }

        return problems;
    }

    public static IReadOnlyList<RegisterProblem> Check(OutletForm form)
    {
        var problems = new List<RegisterProblem>();
        Name(problems, RegisterField.NameAr, form.NameAr, required: true);
        Name(problems, RegisterField.NameEn, form.NameEn, required: true);
        if (!MediaInput.IsWebAddress(form.Website))
        {
            problems.Add(new RegisterProblem(RegisterField.Website, "Media_UrlInvalid", form.Website ?? string.Empty));
        }

        return problems;
    }

    public static AccreditationState Accreditation(string? number, DateOnly? until, DateOnly today) =>
        string.IsNullOrWhiteSpace(number) ? AccreditationState.None
        : until is { } day && day < today ? AccreditationState.Expired
        : AccreditationState.Valid;

    private static void Name(List<RegisterProblem> problems, RegisterField field, string? name, bool required)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (required)
            {
                problems.Add(new RegisterProblem(field, "Media_NameRequired"));
            }
        }
        else
        {
            Length(problems, field, name);
        }
    }

    private static void Length(List<RegisterProblem> problems, RegisterField field, string? text)
    {
        if (text is not null && text.Trim().Length > MediaInput.MaxNameLength)
        {
            problems.Add(new RegisterProblem(field, "Media_TooLong", MediaInput.MaxNameLength));
        }
    }
}
