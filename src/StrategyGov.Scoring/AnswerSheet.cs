using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace StrategyGov.Scoring;

/// <summary>
/// The indicators of one framework in display order (pillar → practice → indicator), numbered from 0:
/// the positions of every <see cref="AnswerSheet"/> laid out for it. Build it once per framework and
/// share it between the institutions of a period.
/// </summary>
public sealed class AnswerSheetLayout
{
    private readonly Dictionary<string, int> _positions;

    /// <summary>The layout of a framework's indicators.</summary>
    public AnswerSheetLayout(ScoringFramework framework)
    {
        Framework = framework;
        Codes = framework.Indicators.Select(i => i.Code).ToArray();
        _positions = new Dictionary<string, int>(Codes.Count, StringComparer.Ordinal);
        for (var i = 0; i < Codes.Count; i++)
        {
            _positions.Add(Codes[i], i);
        }
    }

    /// <summary>The framework whose indicators are laid out.</summary>
    public ScoringFramework Framework { get; }

    /// <summary>Indicator codes by position.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The position of an indicator code, if the framework has it.</summary>
    public bool TryGetPosition(string code, out int position) => _positions.TryGetValue(code, out position);
}

/// <summary>
/// One institution's answers held by indicator position instead of in a dictionary: what a bulk load
/// of a period builds (3,000,000 answers for 10,000 institutions). The engine reads it by position when
/// it scores the framework it is laid out for, and by code (like any dictionary) otherwise, e.g. for a
/// trend restricted to the indicators two versions share. An empty <see cref="AnswerInput"/> (no value,
/// no N/A claim, no review) counts as no answer.
/// </summary>
public sealed class AnswerSheet : IReadOnlyDictionary<string, AnswerInput>
{
    private readonly AnswerInput[] _storage;
    private readonly int _offset;

    /// <summary>An empty sheet with its own storage.</summary>
    public AnswerSheet(AnswerSheetLayout layout)
        : this(layout, new AnswerInput[layout.Codes.Count], 0)
    {
    }

    /// <summary>
    /// A sheet kept in <paramref name="storage"/> from <paramref name="offset"/> on (one position per
    /// indicator of the layout), so that a whole period can share one large array.
    /// </summary>
    public AnswerSheet(AnswerSheetLayout layout, AnswerInput[] storage, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + layout.Codes.Count, storage.Length, nameof(offset));
        Layout = layout;
        _storage = storage;
        _offset = offset;
    }

    /// <summary>The positions this sheet is laid out in.</summary>
    public AnswerSheetLayout Layout { get; }

    /// <summary>The answer at an indicator position (an empty answer when there is none).</summary>
    public AnswerInput this[int position]
    {
        get => _storage[Slot(position)];
        set => _storage[Slot(position)] = value;
    }

    /// <inheritdoc/>
    public AnswerInput this[string key] =>
        TryGetValue(key, out var answer) ? answer : throw new KeyNotFoundException($"No answer for indicator {key}.");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    /// <inheritdoc/>
    public IEnumerable<AnswerInput> Values => this.Select(pair => pair.Value);

    /// <inheritdoc/>
    public int Count => Enumerable.Count(this);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out AnswerInput value)
    {
        if (Layout.TryGetPosition(key, out var position))
        {
            return TryGet(position, out value);
        }

        value = default;
        return false;
    }

    /// <summary>The answer at a position, if there is one.</summary>
    public bool TryGet(int position, out AnswerInput answer)
    {
        answer = _storage[_offset + position];
        return !answer.IsEmpty;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, AnswerInput>> GetEnumerator()
    {
        for (var position = 0; position < Layout.Codes.Count; position++)
        {
            if (TryGet(position, out var answer))
            {
                yield return new KeyValuePair<string, AnswerInput>(Layout.Codes[position], answer);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Slot(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Layout.Codes.Count);
        return _offset + position;
    }
}
