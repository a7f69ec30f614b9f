namespace StrategyGov.Web.Features.Notifications;

/// <summary>Tells the bell of this circuit that the unread count changed (a notification was read).</summary>
public sealed class NotificationsChanged
{
    public event Func<Task>? Changed;

    public Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
