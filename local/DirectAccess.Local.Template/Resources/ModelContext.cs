using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary>What every resource reader needs: local ids, reference values and the resolver's references.</summary>
internal sealed record ModelContext(LocalIds Ids, ResourceAttributes Attributes, ReferenceTable References, string Region, string AccountId);
