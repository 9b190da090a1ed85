namespace ChiBo.Audit;

/// <summary>
/// Rows whose content must not be linkable to who wrote them (anonymous ballots): their audit lines
/// carry no key and only the properties named here, so the log proves that a row was written and
/// for what, never what it said.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedWithoutContentAttribute(params string[] kept) : Attribute
{
    public IReadOnlyList<string> Kept { get; } = kept;
}
