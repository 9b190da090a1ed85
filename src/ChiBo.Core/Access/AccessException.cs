namespace ChiBo.Access;

/// <summary>Bad input to an account command: a Vietnamese message naming the field.</summary>
public sealed class AccessException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
