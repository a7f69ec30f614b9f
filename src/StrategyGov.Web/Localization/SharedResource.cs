namespace StrategyGov.Web.Localization;

/// <summary>
/// Marker for the UI strings in Resources/Localization/SharedResource(.ar).resx. The neutral file is
/// English; Arabic, the default culture, lives in the .ar file.
/// </summary>
public sealed class SharedResource;
