using System.Security.Cryptography;

namespace ChiBo.Access;

/// <summary>Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps make them.</summary>
public static class Totp
{
    private const int StepSeconds = 30;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string NewSecret() => ToBase32(RandomNumberGenerator.GetBytes(20));

    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(string base32Secret, DateTimeOffset at) => CodeAt(FromBase32(base32Secret), StepOf(at));

    /// <summary>
    /// Accepts the code of the current step or one step either side (clock drift), but only a
    /// step after <paramref name="lastUsedStep"/>, so an overheard code cannot be used again.
    /// </summary>
    public static bool Verify(string base32Secret, string? code, DateTimeOffset at, long lastUsedStep, out long step)
    {
        step = 0;
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var key = FromBase32(base32Secret);
        var now = StepOf(at);
        for (var s = now - 1; s <= now + 1; s++)
        {
            if (s > lastUsedStep && CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(CodeAt(key, s)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                step = s;
                return true;
            }
        }

        return false;
    }

    /// <summary>otpauth:// URI for an authenticator app's QR code.</summary>
    public static string ProvisioningUri(string userName, string base32Secret) =>
        $"otpauth://totp/ChiBo:{Uri.EscapeDataString(userName)}?secret={base32Secret}&issuer=ChiBo";

    internal static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool IsBase32(string text) =>
        text.Length >= 16 && text.TrimEnd('=').All(c => Base32Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal));

    public static byte[] FromBase32(string text)
    {
        text = text.TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Khóa TOTP phải là Base32 (A–Z, 2–7).");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }

    public static string ToBase32(byte[] data)
    {
        var sb = new System.Text.StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                sb.Append(Base32Alphabet[(buffer >> bits) & 31]);
            }

            buffer &= (1 << bits) - 1;
        }

        if (bits > 0)
        {
            sb.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }
}
