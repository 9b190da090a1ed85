using System.Globalization;
using System.Security.Cryptography;

namespace ChiBo.Access;

/// <summary>PBKDF2-HMAC-SHA512 with 210 000 iterations and a 16-byte salt (OWASP's 2023 figure for this function).</summary>
public static class Passwords
{
    private const int Iterations = 210_000;
    private const int MinimumLength = 10;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha512${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string stored, string password)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha512"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Null when acceptable, else why not (Vietnamese).</summary>
    public static string? Check(string password)
    {
        if (password.Length < MinimumLength)
        {
            return $"Mật khẩu phải có ít nhất {MinimumLength} ký tự.";
        }

        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return "Mật khẩu phải có cả chữ và số.";
        }

        return null;
    }

    /// <summary>A random password for generated accounts (demo province): 16 characters, letters and digits.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[16];
        do
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        }
        while (Check(new string(chars)) is not null);

        return new string(chars);
    }
}
