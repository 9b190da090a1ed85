using ChiBo.Access;
using ChiBo.Organizations;

namespace ChiBo.Tests.Access;

public sealed class OrgScopeTests
{
    private static readonly Subtree Commune = new(1, "/1/5/");
    private static readonly Subtree Cell = new(1, "/1/5/40/77/");
    private static readonly Subtree OtherCommune = new(1, "/1/6/");
    private static readonly Subtree Commune50 = new(1, "/1/50/");

    [Fact]
    public void ARoleOnACommune_CoversItsCellsButNotItsNeighbours()
    {
        var scope = new OrgScope(1, "xa", null, [new ScopedRole(Role.SuperiorCommittee, Commune, 5)]);
        scope.Can(Operation.MembersRead, Cell).ShouldBeTrue();
        scope.Can(Operation.MembersRead, OtherCommune).ShouldBeFalse();
        scope.Can(Operation.MembersRead, Commune50).ShouldBeFalse();
        scope.Can(Operation.MembersRead, new Subtree(2, "/1/5/")).ShouldBeFalse();
        scope.Can(Operation.AuditRead, Cell).ShouldBeFalse();
    }

    [Fact]
    public void Visible_NarrowsARequestForTheProvinceToTheGrantedSubtrees()
    {
        var scope = new OrgScope(1, "x", null,
        [
            new ScopedRole(Role.CellCommittee, Cell, 77),
            new ScopedRole(Role.Inspection, OtherCommune, 6),
        ]);
        scope.Visible(Operation.MembersRead, new Subtree(1, "/1/")).ShouldBe([Cell, OtherCommune], ignoreOrder: true);
        scope.Visible(Operation.MembersWrite, new Subtree(1, "/1/")).ShouldBe([Cell]);
        scope.Visible(Operation.MembersRead, Cell).ShouldBe([Cell]);
        scope.Home(Operation.MembersRead).ShouldBeNull();
        scope.Home(Operation.MembersWrite).ShouldBe(Cell);
    }

    [Fact]
    public void Admin_SeesEverythingAndAnonymousNothing()
    {
        OrgScope.System.Can(Operation.MembersWrite, Cell).ShouldBeTrue();
        OrgScope.Anonymous.Can(Operation.SignedIn).ShouldBeFalse();
    }
}
