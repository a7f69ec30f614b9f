using MudBlazor;

namespace StrategyGov.Web.Layout;

/// <summary>The platform's look: the center's deep blue with a sand-gold accent, Arabic-first fonts.</summary>
public static class StrategyGovTheme
{
    private static readonly string[] Fonts = ["Noto Kufi Arabic", "Segoe UI", "Noto Sans Arabic", "Tahoma", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f6c",
            // Every colour text or a chip label is drawn in (or on) reaches 4.5:1 on white (WCAG 2.2 AA,
            // docs/decisions/0101): the gold is darkened, and MudBlazor's own status colours replaced.
            Secondary = "#8a6a2a",
            Tertiary = "#0b6e4f",
            AppbarBackground = "#0b4f6c",
            Background = "#f5f7f9",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d",
            Info = "#1565c0",
            Success = "#276c2b",
            Warning = "#a85a00",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".9rem" },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.6rem", FontWeight = "700" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.3rem", FontWeight = "700" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.1rem", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
