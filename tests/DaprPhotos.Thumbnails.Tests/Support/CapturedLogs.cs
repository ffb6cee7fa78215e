using DaprPhotos.Testing.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DaprPhotos.Thumbnails.Tests.Support;

/// <summary>One line the service logged.</summary>
internal sealed record LogLine(string Category, int EventId, LogLevel Level, string Message)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message}";
}

/// <summary>Keeps every line the service logs, so a test can wait for one.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ObservableLog<LogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Lines.Add(new LogLine(category, eventId.Id, logLevel, formatter(state, exception)));
            }
        }
    }
}
