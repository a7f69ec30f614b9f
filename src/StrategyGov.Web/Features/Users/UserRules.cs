using System.Text;
using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Features.Users;

/// <summary>The rules an account must meet, shared by the dialog, the director's invitation and the Excel import.</summary>
public static class UserRules
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MinPhoneDigits = 7;
    public const int MaxPhoneDigits = 15;

    /// <summary>Roles of the center's own people: they belong to no institution.</summary>
    public static readonly IReadOnlyList<string> CenterRoles = [AppRoles.CenterAdmin, AppRoles.CenterReviewer, AppRoles.Official];

    // Identity's default user-name characters: the e-mail is the user name.
    private const string AllowedEmailCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";

    /// <param name="form">The account as it would be stored (already normalised with <see cref="Normalize"/>).</param>
    /// <param name="institutionKnown">Whether <see cref="UserForm.InstitutionId"/>, when set, names an active institution.</param>
    public static IReadOnlyList<UserProblem> Check(UserForm form, bool institutionKnown)
    {
        var problems = new List<UserProblem>();
        if (form.Email.Length == 0)
        {
            problems.Add(new UserProblem(UserField.Email, "Users_EmailRequired"));
        }
        else if (!IsEmail(form.Email))
        {
            problems.Add(new UserProblem(UserField.Email, "Users_EmailInvalid", form.Email));
        }

        if (form.FullName.Length == 0)
        {
            problems.Add(new UserProblem(UserField.FullName, "Users_NameRequired"));
        }
        else if (form.FullName.Length > MaxNameLength)
        {
            problems.Add(new UserProblem(UserField.FullName, "Users_NameTooLong", MaxNameLength));
        }

        var unknown = form.Roles.Where(r => !AppRoles.All.Contains(r)).ToList();
        var institutionRoles = form.Roles.Where(AppRoles.InstitutionScoped.Contains).ToList();
        var centerRoles = form.Roles.Where(CenterRoles.Contains).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new UserProblem(UserField.Roles, "Users_RoleUnknown", string.Join(", ", unknown)));
        }
        else if (form.Roles.Count == 0)
        {
            problems.Add(new UserProblem(UserField.Roles, "Users_RoleRequired"));
        }
        else if (institutionRoles.Count > 0 && centerRoles.Count > 0)
        {
            problems.Add(new UserProblem(UserField.Roles, "Users_RolesMixed"));
        }
        else if (institutionRoles.Count > 0 && form.InstitutionId is null)
        {
            problems.Add(new UserProblem(UserField.Institution, "Users_InstitutionRequired"));
        }
        else if (centerRoles.Count > 0 && form.InstitutionId is not null)
        {
            problems.Add(new UserProblem(UserField.Institution, "Users_InstitutionForbidden"));
        }

        if (form.InstitutionId is not null && !institutionKnown)
        {
            problems.Add(new UserProblem(UserField.Institution, "Users_InstitutionUnknown"));
        }

        if (form.Phone is { Length: > 0 } phone && !IsPhone(phone))
        {
            problems.Add(new UserProblem(UserField.Phone, "Users_PhoneInvalid", MinPhoneDigits, MaxPhoneDigits));
        }

        return problems;
    }

    /// <summary>
    /// The form as it is stored: trimmed, Arabic-Indic digits (as an Arabic keyboard types them) turned into
    /// ASCII digits in the e-mail and the phone, the phone's spaces and dashes removed.
    /// </summary>
    public static UserForm Normalize(UserForm form) => new()
    {
        Email = AsciiDigits(form.Email.Trim()),
        FullName = form.FullName.Trim(),
        Roles = new HashSet<string>(form.Roles.Select(r => r.Trim()).Where(r => r.Length > 0), StringComparer.Ordinal),
        InstitutionId = form.InstitutionId,
        Phone = NormalizePhone(form.Phone),
    };

    /// <summary>Arabic-Indic (٠–٩) and extended Arabic-Indic (۰–۹) digits as ASCII digits; anything else unchanged.</summary>
    public static string AsciiDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                _ => c,
            });
        }

        return builder.ToString();
    }

    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var text = AsciiDigits(phone.Trim());
        return new string(text.Where(c => c is not (' ' or '-' or '(' or ')' or '\u00A0')).ToArray());
    }

    public static bool IsEmail(string email)
    {
        if (email.Length > MaxEmailLength || email.Any(c => !AllowedEmailCharacters.Contains(c)))
        {
            return false;
        }

        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@'))
        {
            return false;
        }

        var domain = email[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal)
            && !email.StartsWith('.') && !email[..at].EndsWith('.');
    }

    private static bool IsPhone(string phone)
    {
        var digits = phone.StartsWith('+') ? phone[1..] : phone;
        return digits.Length is >= MinPhoneDigits and <= MaxPhoneDigits && digits.All(char.IsAsciiDigit);
    }
}
