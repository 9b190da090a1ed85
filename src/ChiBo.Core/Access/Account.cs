namespace ChiBo.Access;

/// <summary>A person's sign-in, optionally bound to their member record.</summary>
public sealed class Account
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>Base32 TOTP secret (RFC 6238); null until two-factor is set up.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long LastTotpStep { get; set; }

    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public int? MemberId { get; set; }

    /// <summary>Changes when the password or roles change; sessions carrying an older one end.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public bool Disabled { get; set; }
    public List<RoleGrant> Roles { get; set; } = [];
}

/// <summary>A role held on one subtree (the organization and everything under it).</summary>
public sealed class RoleGrant
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Role Role { get; set; }

    /// <summary>The subtree's root; null with <see cref="Role.Admin"/> means the whole register.</summary>
    public int? OrganizationId { get; set; }
}
