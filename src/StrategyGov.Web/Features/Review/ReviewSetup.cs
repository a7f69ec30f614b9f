namespace StrategyGov.Web.Features.Review;

public static class ReviewSetup
{
    /// <summary>The center's verification of submitted answers.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services) => services.AddScoped<ReviewService>();
}
