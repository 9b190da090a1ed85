using ChiBo.Access;
using Microsoft.AspNetCore.Authorization;

namespace ChiBo.Web.Access;

/// <summary>Declares the operation a page or endpoint needs; the matrix test reads it from every endpoint.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresAttribute : AuthorizeAttribute
{
    public RequiresAttribute(string operation)
    {
        Operation = operation;
        Policy = PolicyPrefix + operation;
    }

    public const string PolicyPrefix = "op:";

    public string Operation { get; }
}

/// <summary>Met when the caller holds the operation somewhere (route level) or on the given subtree (resource level).</summary>
public sealed record OperationRequirement(string Operation) : IAuthorizationRequirement;

public static class EndpointOperations
{
    /// <summary>Minimal-API form of <see cref="RequiresAttribute"/>.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, string operation)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresAttribute(operation));
}

/// <summary>Checks a route-level requirement against the caller's <see cref="OrgScope"/>.</summary>
internal sealed class OperationHandler(IHttpContextAccessor http) : AuthorizationHandler<OperationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationRequirement requirement)
    {
        // A check on a subtree is the resource handler's alone: "somewhere" must not answer "here".
        if (context.Resource is ChiBo.Organizations.Subtree)
        {
            return;
        }

        if (http.HttpContext is { } ctx && (await ctx.ScopeAsync()).Can(requirement.Operation))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Checks a requirement on a subtree (resource-based authorization).</summary>
internal sealed class SubtreeOperationHandler(IHttpContextAccessor http) : AuthorizationHandler<OperationRequirement, ChiBo.Organizations.Subtree>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationRequirement requirement, ChiBo.Organizations.Subtree resource)
    {
        if (http.HttpContext is { } ctx && (await ctx.ScopeAsync()).Can(requirement.Operation, resource))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Builds the policy "op:X" for any operation on demand.</summary>
internal sealed class OperationPolicyProvider(Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(RequiresAttribute.PolicyPrefix, StringComparison.Ordinal))
        {
            var operation = policyName[RequiresAttribute.PolicyPrefix.Length..];
            if (!Operation.All.Contains(operation))
            {
                throw new InvalidOperationException($"Unknown operation {operation}.");
            }

            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new OperationRequirement(operation)).Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
