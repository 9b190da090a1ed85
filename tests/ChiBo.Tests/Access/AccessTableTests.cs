using ChiBo.Access;

namespace ChiBo.Tests.Access;

public sealed class AccessTableTests
{
    [Fact]
    public void Readme_ListsTheSameTableAsTheCode()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        readme.ShouldContain(AccessTableDocument.Markdown());
    }

    [Fact]
    public void OnlyTheMemberRole_ReadsItsOwnRecordAndSignsInWithoutASecondFactor()
    {
        foreach (var (role, _, _) in Roles.All)
        {
            AccessTable.Allows(role, Operation.SelfRead).ShouldBe(role == Role.Member);
            Roles.RequiresTwoFactor(role).ShouldBe(role != Role.Member);
        }
    }

    [Fact]
    public void SensitiveFields_AreHiddenFromCellCommitteesAndMembers()
    {
        AccessTable.Allows(Role.CellCommittee, Operation.MembersReadSensitive).ShouldBeFalse();
        AccessTable.Allows(Role.Member, Operation.MembersReadSensitive).ShouldBeFalse();
        AccessTable.Allows(Role.Inspection, Operation.DisciplineWrite).ShouldBeTrue();
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChiBo.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ChiBo.slnx not found above the test binaries.");
    }
}
