using Microsoft.AspNetCore.Localization;
using MudBlazor;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Hosting;

public static class LocalizationSetup
{
    /// <summary>
    /// Arabic by default; English on request, remembered in the culture cookie. API callers (no cookie)
    /// choose with <c>Accept-Language</c>; pages ignore it, so a browser's language never overrides Arabic first.
    /// </summary>
    public static void AddStrategyGovLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, ResourceMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Bilingual.Cultures.Select(Bilingual.CreateCulture).ToList();
            options.DefaultRequestCulture = new RequestCulture(cultures[0], cultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(async context => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                    ? await new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(context)
                    : null),
            ];
        });
    }
}
