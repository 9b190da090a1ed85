using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChiBo.Transfers;

/// <summary>
/// The signature a transfer package carries: ECDSA P-256 over SHA-256 (<see cref="PackageKeys.Algorithm"/>)
/// of the package's canonical form, with the signing key's public half and its fingerprint.
/// </summary>
public sealed record PackageSignature(string Algorithm, string KeyId, string PublicKey, string Value);

public enum SealState
{
    /// <summary>Signed by this register or by one registered as trusted, and unchanged since.</summary>
    Trusted,

    /// <summary>No signature (a package made before packages were signed, or by hand).</summary>
    Unsigned,

    /// <summary>Unchanged since it was signed, but by a key this register does not trust (yet).</summary>
    UnknownIssuer,

    /// <summary>The signature does not match the content: changed after signing, or forged.</summary>
    Broken,
}

/// <summary>What <see cref="PackageKeys.Check"/> found; <see cref="Issuer"/> names the trusted key's file.</summary>
public sealed record PackageSeal(SealState State, string? KeyId = null, string? Issuer = null);

/// <summary>
/// A register's key for transfer packages, kept beside the data-protection keys: the private key
/// signs what this register exports (<see cref="SigningKeyFile"/>, created on first use), and the
/// public keys in <see cref="TrustedFolder"/> — one PEM file per province, named after it — are the
/// registers whose packages a committee may import without the province board. A package creates an
/// official member with the admission date it states, so an asymmetric signature is used: the
/// receiving province registers only the sender's public key, and nobody who can read it can forge one.
/// </summary>
public sealed class PackageKeys
{
    public const string Algorithm = "ES256";
    public const string SigningKeyFile = "transfer-signing-key.pem";
    public const string TrustedFolder = "trusted-transfer-keys";

    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    private readonly ECDsa _key;

    private PackageKeys(string directory, ECDsa key)
    {
        Directory = directory;
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(PublicKey);
    }

    public string Directory { get; }

    /// <summary>The fingerprint a receiving province checks with the sender when it registers the key.</summary>
    public string KeyId { get; }

    public byte[] PublicKey { get; }

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Loads this register's signing key from <paramref name="directory"/>, creating it the first time.</summary>
    public static PackageKeys Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SigningKeyFile);
        if (!File.Exists(path))
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, created.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                // Two processes starting at once: the first key written wins, the other reads it.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new PackageKeys(directory, key);
    }

    public static string KeyIdOf(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey), 0, 16);

    /// <summary>The package with this register's signature over everything else in it.</summary>
    public TransferPackage Sign(TransferPackage package)
    {
        var unsigned = package with { Signature = null };
        var value = _key.SignData(CanonicalBytes(unsigned.ToJson()), HashAlgorithmName.SHA256);
        return unsigned with { Signature = new PackageSignature(Algorithm, KeyId, Convert.ToBase64String(PublicKey), Convert.ToBase64String(value)) };
    }

    /// <summary>Whether the package is signed, by whom, and unchanged since.</summary>
    public PackageSeal Check(string packageJson)
    {
        var package = TransferPackage.Parse(packageJson);
        if (package.Signature is not { } s)
        {
            return new PackageSeal(SealState.Unsigned);
        }

        byte[] content, value, embedded;
        try
        {
            content = CanonicalBytes(packageJson);
            value = Convert.FromBase64String(s.Value);
            embedded = Convert.FromBase64String(s.PublicKey);
        }
        catch (FormatException)
        {
            return new PackageSeal(SealState.Broken, s.KeyId);
        }

        if (s.Algorithm != Algorithm)
        {
            return new PackageSeal(SealState.Broken, s.KeyId);
        }

        // A trusted key is taken from this register's own files, never from the package.
        var trusted = Trusted().FirstOrDefault(t => t.KeyId == s.KeyId);
        if (trusted.KeyId is not null)
        {
            return new PackageSeal(Verifies(trusted.PublicKey, content, value) ? SealState.Trusted : SealState.Broken, s.KeyId, trusted.Name);
        }

        return Verifies(embedded, content, value) && KeyIdOf(embedded) == s.KeyId
            ? new PackageSeal(SealState.UnknownIssuer, s.KeyId)
            : new PackageSeal(SealState.Broken, s.KeyId);
    }

    /// <summary>Registers another province's public key (a PEM file it sent) as trusted, under <paramref name="name"/>.</summary>
    public string Trust(string publicKeyPem, string name)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        var folder = Path.Combine(Directory, TrustedFolder);
        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')) + ".pem");
        File.WriteAllText(file, key.ExportSubjectPublicKeyInfoPem());
        return KeyIdOf(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>This register's own key, then the public keys registered in <see cref="TrustedFolder"/>, read at each check so that a key registered takes effect at once.</summary>
    private IEnumerable<(string? KeyId, string Name, byte[] PublicKey)> Trusted()
    {
        yield return (KeyId, "sổ đăng ký này", PublicKey);
        var folder = Path.Combine(Directory, TrustedFolder);
        if (!System.IO.Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.pem"))
        {
            byte[] spki;
            try
            {
                using var key = ECDsa.Create();
                key.ImportFromPem(File.ReadAllText(file));
                spki = key.ExportSubjectPublicKeyInfo();
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException or IOException)
            {
                continue; // not a key: ignored rather than trusted
            }

            yield return (KeyIdOf(spki), Path.GetFileNameWithoutExtension(file), spki);
        }
    }

    private static bool Verifies(byte[] publicKey, byte[] content, byte[] value)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.VerifyData(content, value, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// What is signed: the package's JSON without its signature, written compact by System.Text.Json
    /// (its default escaping), so indentation does not matter but every property and value does.
    /// </summary>
    private static byte[] CanonicalBytes(string packageJson)
    {
        if (JsonNode.Parse(packageJson) is not JsonObject package)
        {
            throw new RuleViolationException("Package", "Gói chuyển sinh hoạt không phải một đối tượng JSON.");
        }

        foreach (var name in package.Select(p => p.Key).Where(k => k.Equals("signature", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            package.Remove(name);
        }

        return Encoding.UTF8.GetBytes(package.ToJsonString(Canonical));
    }
}
